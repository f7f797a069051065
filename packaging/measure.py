"""Measure the built bundle: size on disk, start-up time to the window, self-test time.

    python packaging/measure.py [BUNDLE_DIR] [--runs 5] [--cold]

Start-up is wall-clock from starting the process to the window reporting itself shown
(`--quit-when-ready` prints "ready" once the main window is up, offscreen), on an archive
holding the sample. --cold drops the page cache before each run (Linux, root only) so the
bundle is read from disk as on a first launch after boot; without it the runs are warm.
Medians are printed; figures go into docs/INSTALL.md and the README.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def size_on_disk(folder: Path) -> int:
    seen, total = set(), 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        st = path.stat()
        if st.st_ino not in seen:
            seen.add(st.st_ino)
            total += st.st_blocks * 512
    return total


def time_to_ready(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    ready = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready"):
            ready = time.perf_counter() - started
    if proc.wait() != 0 or ready is None:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode})")
    return ready


def time_run(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "opdc-reader"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each run")
    args = parser.parse_args()
    bundle = Path(args.bundle).resolve()
    exe = bundle / ("opdc-reader.exe" if sys.platform == "win32" else "opdc-reader")
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPDC_", "PYTHON"))}
        env.update(HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/.config", XDG_DATA_HOME=f"{tmp}/.local/share",
                   XDG_CACHE_HOME=f"{tmp}/.cache", QT_QPA_PLATFORM="offscreen")
        archive = f"{tmp}/archive"
        subprocess.run([str(exe), "--archive", archive, "sample"], env=env, check=True,
                       capture_output=True)
        window, selftest = [], []
        for _ in range(args.runs):
            if args.cold and not drop_caches():
                raise SystemExit("--cold needs root on Linux (/proc/sys/vm/drop_caches)")
            window.append(time_to_ready([str(exe), "--archive", archive, "--quit-when-ready"], env))
        for _ in range(args.runs):
            if args.cold:
                drop_caches()
            selftest.append(time_run([str(exe), "--self-test"], env))
    files = sum(1 for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {bundle}")
    print(f"size on disk: {size_on_disk(bundle) / 2**20:.0f} MiB in {files} files")
    kind = "cold (page cache dropped)" if args.cold else "warm"
    print(f"start to window, {kind}: median {statistics.median(window):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in window)})")
    print(f"--self-test, {kind}: median {statistics.median(selftest):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in selftest)})")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
