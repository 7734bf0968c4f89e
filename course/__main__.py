"""`python -m course` is the same as `khoahoc`."""

import sys

from course.cli import main

sys.exit(main())
