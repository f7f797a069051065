"""A private X display and D-Bus session for out-of-process screen-reader tests.

Recipe from ../shared/research/desktop-checks.md: every home and runtime folder private and
GSETTINGS_BACKEND=memory before the bus starts (else the a11y bus writes into ~/.config),
`Xvfb -noreset` (without it the display was lost in 5 of 15 runs), `-displayfd` read to the
newline, a private `dbus-daemon --session`; the AT-SPI bus is activated on first use.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if not Path(SYSTEM_PYTHON).exists():
        missing.append(SYSTEM_PYTHON)
    else:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0');"
             " from gi.repository import Atspi"], capture_output=True)
        if probe.returncode != 0:
            missing.append("python3-gi + gir1.2-atspi-2.0 (Atspi for /usr/bin/python3)")
    return missing


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@contextmanager
def desktop_session(root: Path):
    """Yield an environment with DISPLAY and DBUS_SESSION_BUS_ADDRESS set, all private."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "DBUS_", "XDG_", "DISPLAY", "WAYLAND", "AT_SPI"))}
    for name in ("home", "runtime", "config", "data", "cache"):
        (root / name).mkdir(parents=True, exist_ok=True)
    (root / "runtime").chmod(0o700)
    env.update(HOME=str(root / "home"), XDG_RUNTIME_DIR=str(root / "runtime"),
               XDG_CONFIG_HOME=str(root / "config"), XDG_DATA_HOME=str(root / "data"),
               XDG_CACHE_HOME=str(root / "cache"), GSETTINGS_BACKEND="memory",
               NO_AT_BRIDGE="0")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-noreset", "-nolisten", "tcp", "-screen", "0", "1280x900x24",
                             "-displayfd", str(write_fd)], pass_fds=(write_fd,), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    with os.fdopen(read_fd, "rb") as pipe:  # read up to the newline before closing
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                break
            number += chunk
    bus = None
    try:
        if not number.strip():
            raise RuntimeError("Xvfb did not start")
        env["DISPLAY"] = ":" + number.decode().strip()
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        address = bus.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        yield env
    finally:
        if bus is not None:
            _stop(bus)
        _stop(xvfb)


def run_walker(root: Path, archive: Path, *walker_args: str, timeout: float = 120):
    """The app on its own X display and bus, atspi_walk.py run against it with
    `walker_args`; returns (the walker's CompletedProcess, what the app printed, seconds
    the walk took). The app writes to a file, not a pipe: the AT-SPI bus launcher it starts
    inherits its output and outlives it, and reading a pipe to its end would wait for it."""
    import sys
    import time

    from tests.conftest import ROOT

    walker = Path(__file__).with_name("atspi_walk.py")
    with desktop_session(root / "session") as env:
        app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       OPDC_READER_HOME=str(root / "reader-home"), PYTHONPATH=str(ROOT))
        with (root / "app.log").open("w") as log:
            app = subprocess.Popen([sys.executable, "-m", "reader.ui.app", "--archive", str(archive)],
                                   env=app_env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
            try:
                walker_env = {k: v for k, v in env.items()
                              if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
                walker_env["PATH"] = "/usr/bin:/bin"
                started = time.monotonic()
                done = subprocess.run([SYSTEM_PYTHON, str(walker), str(app.pid), *walker_args],
                                      env=walker_env, capture_output=True, text=True,
                                      timeout=timeout)
                elapsed = time.monotonic() - started
            finally:
                app.terminate()
                try:
                    app.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    app.kill()
                    app.wait(timeout=10)
    return done, (root / "app.log").read_text(errors="replace"), elapsed
