"""What the training achieved: pre-test and post-test, learning gain, evaluation form, certificates.

- `course.assessment.questions` — the 15 questions (no answer key: that stays in the nbgrader sources);
- `course.assessment.form` — the test as one widget, graded by nbgrader like the assignments;
- `course.assessment.evaluation` — «Phiếu đánh giá khoá học», anonymous, and its summary;
- `course.assessment.results` — pre, post and normalised gain per learner, module and question;
- `course.assessment.report` — `khoahoc report --lop LOP`: Excel workbook, PDF with plots, CSV and Moodle exports;
- `course.assessment.certificates` — `khoahoc certificates`: PDF certificates with verification codes.
"""

from course.assessment.evaluation import evaluation_form
from course.assessment.form import answered, assessment_form

__all__ = ["answered", "assessment_form", "evaluation_form"]
