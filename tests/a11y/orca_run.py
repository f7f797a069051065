"""Run the app with the real Orca screen reader under Xvfb and collect what Orca says.

Orca writes every utterance to its debug log as `SPEECH OUTPUT: '...'` before handing it
to a speech server; here it has none (no speech-dispatcher factory, so nothing is heard and
nothing waits for audio). Keys go in with xdotool; after each step the lines Orca logged
since the previous one are taken, so a test can ask what Orca said after Ctrl++.
Recipe: ../shared/research/desktop-checks.md.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .session import desktop_session, missing_tools

ROOT = Path(__file__).resolve().parents[2]
# SPEECH OUTPUT: 'the words'{'established': False}  (the voice settings may follow)
SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*?)'\s*(?:\{.*\}|voice=.*)?\s*$", re.M)
# Orca's own settings: no speech server (speech stays "on" inside Orca, so it still decides
# what to say and logs it), no braille, no first-run questions.
ORCA_SETTINGS = {
    "general": {
        "enableSpeech": True,
        "speechServerFactory": "",
        "speechFactoryModules": [],
        "speechServerInfo": None,
        "enableBraille": False,
        "enableBrailleMonitor": False,
        "enableSound": False,
        "firstStart": False,
        "messagesAreDetailed": True,
        "verbalizePunctuationStyle": 1,
        "onlySpeakDisplayedText": False,
        "speakMultiCaseStringsAsWords": False,
    },
    "keybindings": {},
    "pronunciations": {},
    "profiles": {"default": {"profile": ["Default", "default"]}},
}


KEY_ECHO = {"left shift", "shift"}  # our own flushing key, echoed by Orca


def orca_missing() -> list[str]:
    missing = missing_tools()
    for tool in ("orca", "xdotool"):
        if shutil.which(tool) is None:
            missing.append(tool)
    return missing


@dataclass
class OrcaRun:
    env: dict
    log: Path
    app: subprocess.Popen
    offset: int = 0
    steps: list[tuple[str, list[str]]] = field(default_factory=list)

    def spoken_since_last(self) -> list[str]:
        data = self.log.read_bytes() if self.log.exists() else b""
        new, self.offset = data[self.offset:], len(data)
        return SPOKEN.findall(new.decode("utf-8", "replace"))

    def wait_for_speech(self, pattern: str, timeout: float) -> bool:
        """Wait until Orca has logged speech matching pattern (from the whole log)."""
        end = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < end:
            text = self.log.read_text("utf-8", "replace") if self.log.exists() else ""
            if any(regex.search(line) for line in SPOKEN.findall(text)):
                return True
            time.sleep(0.3)
        return False

    def keys(self, label: str, *keys: str, settle: float = 1.0, typed: str = "",
             expect: str = "", timeout: float = 12.0) -> list[str]:
        """Press keys (xdotool names), then type text; return what Orca said. With
        `expect`, wait (up to `timeout`) until an utterance matches it, then `settle` more:
        on a loaded machine Orca can lag a key or two behind."""
        self.spoken_since_last()
        for key in keys:
            subprocess.run(["xdotool", "key", key], env=self.env, check=True, timeout=10)
            time.sleep(0.3)
        if typed:
            subprocess.run(["xdotool", "type", "--delay", "60", typed], env=self.env, check=True,
                           timeout=30)
        said: list[str] = []
        regex = re.compile(expect) if expect else None
        end = time.monotonic() + (timeout if expect else settle)
        while time.monotonic() < end:
            # Orca 43 here presents a caret move or focus change when the next key event
            # reaches it: a Shift tap (said as "left shift", dropped below) flushes it.
            time.sleep(0.5)
            subprocess.run(["xdotool", "key", "shift"], env=self.env, check=True, timeout=10)
            time.sleep(0.4)
            said += [line for line in self.spoken_since_last() if line.strip() not in KEY_ECHO]
            if regex is not None and any(regex.search(line) for line in said):
                break
        time.sleep(settle if expect else 0)
        said += [line for line in self.spoken_since_last() if line.strip() not in KEY_ECHO]
        self.steps.append((label, said))
        return said


def _stop(proc: subprocess.Popen) -> str:
    if proc.poll() is None:
        proc.terminate()
        try:
            return proc.communicate(timeout=8)[0] or ""
        except subprocess.TimeoutExpired:
            proc.kill()
    try:
        return proc.communicate(timeout=5)[0] or ""
    except (subprocess.TimeoutExpired, ValueError):
        return ""


def _focus_window(env: dict, pid: int, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                               env=env, capture_output=True, text=True, timeout=10).stdout.split()
        if found:
            subprocess.run(["xdotool", "windowfocus", "--sync", found[-1]], env=env,
                           capture_output=True, timeout=10)
            return True
        time.sleep(0.3)
    return False


@contextmanager
def orca_session(root: Path, archive: Path, app_args: tuple[str, ...] = ()) -> Iterator[OrcaRun]:
    """The app on its own Xvfb display with Orca attached; yields an OrcaRun."""
    prefs = root / "orca-prefs"
    prefs.mkdir(parents=True, exist_ok=True)
    (prefs / "user-settings.conf").write_text(json.dumps(ORCA_SETTINGS), encoding="utf-8")
    log = root / "orca-debug.log"
    with desktop_session(root / "session") as env:
        app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       OPDC_READER_HOME=str(root / "reader-home"), PYTHONPATH=str(ROOT))
        orca_env = {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        orca_env["PATH"] = "/usr/bin:/bin"
        # The window first, then Orca: started together, which of the two came first was
        # a race (the window won it once start-up got faster). Started after the window,
        # Orca looks for the focus as it does when turned on over open applications: it
        # walks the active window for the first FOCUSED object (orca.py, focusedObject).
        # The app writes to a file: the AT-SPI bus launcher it starts would hold a pipe open.
        app_log = (root / "app.log").open("w")
        app = subprocess.Popen([sys.executable, "-m", "reader.ui.app", "--archive", str(archive),
                                *app_args], env=app_env, cwd=ROOT, stdout=app_log,
                               stderr=subprocess.STDOUT)
        orca: subprocess.Popen | None = None
        run = OrcaRun(env=env, log=log, app=app)
        try:
            if not _focus_window(env, app.pid, 40):
                _stop(app)
                raise RuntimeError("the app's window did not appear: "
                                   + (root / "app.log").read_text(errors="replace"))
            orca = subprocess.Popen(["orca", "--replace", f"--debug-file={log}", "-u", str(prefs)],
                                    env=orca_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True)
            yield run
        finally:
            _stop(app)
            app_log.close()
            run.app_output = (root / "app.log").read_text(errors="replace")  # type: ignore[attr-defined]
            run.orca_output = _stop(orca) if orca is not None else ""  # type: ignore[attr-defined]
