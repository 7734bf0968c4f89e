"""Reusable notebook widgets: quiz answers in plain variables, self-check button, chat box."""

from course.widgets.chat import ChatBox, chat_box
from course.widgets.quiz import (
    TRUE_FALSE,
    ChoiceQuestion,
    FormAnswer,
    LabelTask,
    TextAnswer,
    choice_question,
    form_answer,
    label_task,
    text_answer,
    true_false,
)
from course.widgets.selfcheck import (
    Rule,
    SelfCheck,
    list_of,
    min_words,
    notebook_answer_min_words,
    number_between,
    one_of,
    run_checks,
    self_check,
)
from course.widgets.store import AnswerStore

__all__ = [
    "TRUE_FALSE", "AnswerStore", "ChatBox", "ChoiceQuestion", "FormAnswer", "LabelTask", "Rule", "SelfCheck",
    "TextAnswer", "chat_box", "choice_question", "form_answer", "label_task", "list_of", "min_words",
    "notebook_answer_min_words", "number_between", "one_of", "run_checks", "self_check", "text_answer", "true_false",
]
