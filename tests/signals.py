"""How a test starts the command with respect to Ctrl-C (``preexec_fn`` of ``subprocess.Popen``).

A test run started as a background job of a shell without job control (``pytest &``, some CI
runners) inherits SIGINT ignored, and so would the command it starts: a test of Ctrl-C sets the
disposition it means.
"""

import signal


def default_sigint() -> None:
    """SIGINT as a terminal's foreground job gets it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def ignored_sigint() -> None:
    """SIGINT ignored, as under ``nohup`` or in a background job."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
