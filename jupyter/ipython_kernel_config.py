# Every course kernel explains Python mistakes in Vietnamese from its first cell on, also after the
# kernel died and restarted (course.ui.load_ipython_extension). `make run` copies this file into the
# venv's etc/ipython, which IPython reads for every kernel started from that venv.
c = get_config()  # noqa: F821 - provided by IPython when it loads this file
c.InteractiveShellApp.extensions = ["course.ui"]
