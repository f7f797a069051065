#!/usr/bin/python3
"""Walk one application's accessibility tree over AT-SPI and print it as JSON.

Runs under Debian's /usr/bin/python3 (python3-gi, gir1.2-atspi-2.0), not the venv:
    atspi_walk.py PID [--wait-text NAME] [--timeout S]
Waits until the application with that process id is on the bus (and, with --wait-text,
until the node named NAME has text), then prints {"app": ..., "nodes": [...]}.
"""

import argparse
import json
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_NODES = 4000
MAX_CHILDREN = 60  # a long list: its first rows tell enough


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def _nodes(root):
    stack, out = [root], []
    while stack and len(out) < MAX_NODES:
        node = stack.pop()
        out.append(node)
        try:
            stack.extend(node.get_child_at_index(i)
                         for i in range(min(node.get_child_count(), MAX_CHILDREN)))
        except Exception:
            continue
    return [n for n in out if n is not None]


def node_info(node, depth):
    states = node.get_state_set()
    info = {
        "depth": depth,
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "focusable": states.contains(Atspi.StateType.FOCUSABLE),
        "showing": states.contains(Atspi.StateType.SHOWING),
        "focused": states.contains(Atspi.StateType.FOCUSED),
        "interfaces": list(node.get_interfaces()),
    }
    if "Text" in info["interfaces"]:
        text = node.get_text_iface() if hasattr(node, "get_text_iface") else node
        count = Atspi.Text.get_character_count(text)
        info["text"] = Atspi.Text.get_text(text, 0, min(count, 2000))
        info["char_count"] = count
    return info


def attribute_runs(node, limit=20000):
    """The stretches of a text node whose attributes differ from its defaults, as a
    screen reader asks for them (Orca's "read formatting"): [{start, end, text, attrs}]."""
    text = node.get_text_iface() if hasattr(node, "get_text_iface") else node
    count = min(Atspi.Text.get_character_count(text), limit)
    runs, offset = [], 0
    while offset < count:
        attrs, start, end = Atspi.Text.get_attribute_run(text, offset, False)
        if end <= offset:
            break
        if attrs:
            runs.append({"start": start, "end": end, "attrs": dict(attrs),
                         "text": Atspi.Text.get_text(text, start, end)})
        offset = end
    return runs


def walk(root):
    nodes, stack = [], [(root, 0)]
    while stack and len(nodes) < MAX_NODES:
        node, depth = stack.pop()
        try:
            nodes.append(node_info(node, depth))
            count = node.get_child_count()
        except Exception as exc:  # a node vanished while we looked
            nodes.append({"depth": depth, "error": str(exc)})
            continue
        for i in reversed(range(min(count, MAX_CHILDREN))):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append((child, depth + 1))
    return nodes


def focused(root):
    """The node that has the keyboard focus, as role and name."""
    stack = [root]
    seen = 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        try:
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return {"role": node.get_role_name(), "name": node.get_name() or "",
                        "description": node.get_description() or ""}
            count = node.get_child_count()
        except Exception:
            continue
        for i in range(min(count, MAX_CHILDREN)):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append(child)
    return None


def describe(node):
    try:
        return {"role": node.get_role_name(), "name": node.get_name() or "",
                "description": node.get_description() or ""}
    except Exception as exc:
        return {"role": "", "name": "", "error": str(exc)}


def press(keys, pid, app):
    """Type keys with xdotool (X has no window manager here: focus the window first) and
    record where the focus lands after each, from the focus events a screen reader hears."""

    events = []

    def on_focus(event):
        if event.detail1 == 1 and event.source is not None:
            events.append(event.source)

    listener = Atspi.EventListener.new(on_focus)
    listener.register("object:state-changed:focused")

    _focus_app(pid)
    pump(0.5)
    trail = []
    for key in keys:
        events.clear()
        subprocess.run(["xdotool", "key", key], check=True)
        pump(0.35)
        node = events[-1] if events else None
        trail.append({"key": key, "focus": describe(node) if node is not None else focused(app)})
    listener.deregister("object:state-changed:focused")
    return trail


def pump(seconds):
    """Let AT-SPI deliver events for `seconds` (GLib's main context, as Orca runs it)."""
    from gi.repository import GLib

    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.02)


def _focus_app(pid):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                           capture_output=True, text=True).stdout.split()
    if found:
        subprocess.run(["xdotool", "windowfocus", "--sync", found[-1]], capture_output=True)


def count_events(keys, measured, pid):
    """Press `keys`, then count the object events the app sends while each of `measured`
    is pressed (what a screen reader would have to digest): {key: {event type: n}}."""

    counts = {}
    current = {"key": None}

    def on_event(event):
        key = current["key"]
        if key is None:
            return
        try:
            if event.source is None or event.source.get_process_id() != pid:
                return
        except Exception:
            return
        kind = ":".join(event.type.split(":")[:2])
        counts.setdefault(key, {}).setdefault(kind, 0)
        counts[key][kind] += 1

    listener = Atspi.EventListener.new(on_event)
    kinds = ("object:text-changed", "object:text-attributes-changed", "object:text-caret-moved",
             "object:children-changed", "object:property-change", "object:visible-data-changed",
             "object:bounds-changed", "object:state-changed")
    for kind in kinds:
        listener.register(kind)

    _focus_app(pid)
    pump(0.5)
    for key in keys:
        subprocess.run(["xdotool", "key", key], check=True)
        pump(0.5)
    for i, key in enumerate(measured):
        label = f"{i}:{key}"
        current["key"] = label
        counts[label] = {}
        subprocess.run(["xdotool", "key", key], check=True)
        pump(2.0)
        current["key"] = None
        pump(0.3)
    for kind in kinds:
        listener.deregister(kind)
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pid", type=int)
    parser.add_argument("--wait-text")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--keys", default="", help="xdotool key names to press, space separated")
    parser.add_argument("--count", default="",
                        help="after --keys, keys whose accessibility events are counted")
    parser.add_argument("--runs", help="also print the text attribute runs of the node so named")
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout
    nodes, app = [], None
    while time.monotonic() < deadline:
        app = find_app(args.pid)
        if app is not None:
            nodes = walk(app)
            if not args.wait_text or any(
                    n.get("name") == args.wait_text and n.get("text") for n in nodes):
                break
        time.sleep(0.3)
    if app is None:
        print(json.dumps({"error": f"no application with pid {args.pid} on the AT-SPI bus"}))
        return 2
    if args.count:
        counted = count_events(args.keys.split(), args.count.split(), args.pid)
        print(json.dumps({"app": app.get_name(), "counts": counted}, ensure_ascii=False))
        return 0
    trail = press(args.keys.split(), args.pid, app) if args.keys else []
    runs = []
    if args.runs:
        found = [n for n in _nodes(app) if n.get_name() == args.runs]
        runs = attribute_runs(found[0]) if found else [{"error": f"no node named {args.runs}"}]
    print(json.dumps({"app": app.get_name(), "nodes": nodes, "keys": trail, "runs": runs},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
