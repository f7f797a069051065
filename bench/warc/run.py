"""`opdc-reader export --warc` of 10,000 articles: seconds and peak memory, and the import
of that file into an empty archive.

    .venv/bin/python bench/warc/run.py [--articles 10000] [--work /tmp/opdc-warc-bench]

The archive is built once (kept in --work) from the first N article files of
../shared/corpus/thaigov-v2-all.tar.xz through the real importer, without a search index.
Export and import each run as `opdc-reader` in a fresh process, so "peak" is that
command's own maximum RSS (getrusage of the child).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAR = Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")) / "corpus" / "thaigov-v2-all.tar.xz"


def build(archive: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    from reader.core.archive import Archive
    from reader.core.importer import import_targets

    folder = archive.parent / f"in-{count}"
    complete = folder / ".complete"
    if not complete.exists():
        done = 0
        with tarfile.open(TAR, "r|xz") as tf:
            for member in tf:
                if member.isfile() and member.name.endswith(".txt") and "/data/" in member.name:
                    target = folder / member.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(tf.extractfile(member).read())
                    done += 1
                    if done == count:
                        break
        complete.touch()  # the importer skips dot-files
    with Archive.open(archive) as arc:
        start = time.perf_counter()
        summary = import_targets(arc, [str(folder)])
        print(f"built: {summary.to_dict()['new']} articles in {time.perf_counter() - start:.0f} s")


# The child reports its own peak: RUSAGE_CHILDREN would give the largest of all children.
_CHILD = ("import resource, runpy, sys\n"
          "sys.argv = ['opdc-reader'] + sys.argv[1:]\n"
          "try:\n    runpy.run_module('reader.cli', run_name='__main__')\n"
          "finally:\n    print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")


def run(*args: str) -> tuple[float, float, str]:
    """Seconds and peak RSS (MB) of one opdc-reader command in a child process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{args}: exit {proc.returncode}\n{proc.stderr}")
    peak_kb = int(proc.stderr.rsplit("PEAK_KB", 1)[1].split()[0])
    return seconds, peak_kb / 1024, proc.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/opdc-warc-bench"))
    args = parser.parse_args()
    archive = args.work / f"archive-{args.articles}"
    if not (archive / "catalog.sqlite").exists():
        build(archive, args.articles)
    out = args.work / "all.warc.gz"
    out.unlink(missing_ok=True)
    seconds, peak, text = run("--archive", str(archive), "export", "--warc", str(out), "--all")
    result = {"articles": args.articles, "export_seconds": round(seconds, 1), "export_peak_mb": round(peak),
              "warc_mb": round(out.stat().st_size / 2**20, 1), "export_said": text,
              "load_average": os.getloadavg()[0]}
    target = args.work / "reimport"
    if target.exists():
        import shutil

        shutil.rmtree(target)
    seconds, peak, text = run("--archive", str(target), "import", str(out), "--json")
    said = json.loads(text)
    result |= {"import_seconds": round(seconds, 1), "import_peak_mb": round(peak),
               "import_new": said["new"], "import_failed": len(said["failed"])}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
