#!/usr/bin/env python3
"""Generate single_include/iisfake/iisfake.hpp from the parts under include/iisfake/.

    python3 tools/amalgamate.py          # (re)write the single header
    python3 tools/amalgamate.py --check  # exit 1 if the committed single header is stale

Starting at the umbrella include/iisfake/iisfake.hpp, then the pipeline host's
include/iisfake/module_host.hpp (apart in include/, so test files that do not run a whole
module do not parse it; in the one file, everything), every `#include "iisfake/<path>"` is
replaced by the text of that part, recursively, the first time it is met; later includes of
the same part are dropped. System includes (`#include <...>`) and each part's include guard
are kept as they are, so including the single header and a part in one TU is harmless. The
drop-in headers under include/iisfake/dropin/ are never inlined. A part first included under
an #if that does not also enclose a later include of it is an error: the single header would
then lack it where include/ has it.

The Win32 and C runtime surface for module sources (include/iisfake/win32.hpp) is opt-in:
a file that includes the umbrella must not see it. It becomes a second file,
single_include/iisfake/win32.hpp, which includes the single header and inlines the parts the
single header does not hold; the drop-in headers include it when the parts are absent.

The output depends only on the parts: no timestamp, no formatter, LF line endings. Standard
library only; works from any current directory.
"""

import argparse
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE_DIR = ROOT / "include"
UMBRELLA = "iisfake/iisfake.hpp"
# Entry points apart from the umbrella in include/: inlined after it, and each given a
# forwarding header beside the single header, so `#include <iisfake/module_host.hpp>` works
# with either layout.
EXTRA_ROOTS = ["iisfake/module_host.hpp"]
FORWARDED = ["iisfake/module_host.hpp", "iisfake/fake_http_server.hpp",
             "iisfake/fake_configuration.hpp", "iisfake/fake_global_providers.hpp",
             "iisfake/fake_module_registration_info.hpp"]
VERSION_PART = "iisfake/version.hpp"
OUTPUT = ROOT / "single_include" / "iisfake" / "iisfake.hpp"
WIN32_ROOT = "iisfake/win32.hpp"
WIN32_OUTPUT = OUTPUT.parent / "win32.hpp"
REGENERATE = "python3 tools/amalgamate.py"

QUOTED_INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]*)"')
DIRECTIVE = re.compile(r"^\s*#\s*([a-z]+)\b\s*(\S*)")
CONDITIONAL_OPEN = {"if", "ifdef", "ifndef"}


class AmalgamationError(Exception):
    pass


# Macros the compiler predefines: a condition on them alone has one value in the whole
# translation unit, so two parts under the same such condition are under the same condition
# (every Win32 part sits in `#if !defined(_WIN32)` and includes others there).
PLATFORM_MACROS = {"_WIN32", "_WIN64", "__MINGW32__", "_MSC_VER", "__clang__", "__GNUC__"}
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def platform_condition(line):
    """The normalised text of a conditional on predefined macros only, else None."""
    text = re.sub(r"//.*|/\*.*?\*/", "", line).strip()
    keyword, _, condition = re.sub(r"^#\s*", "", text).partition(" ")
    names = set(IDENTIFIER.findall(condition)) - {"defined"}
    if not names or not names <= PLATFORM_MACROS:
        return None
    return keyword + " " + " ".join(condition.split())


def read_part(name):
    path = INCLUDE_DIR / name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AmalgamationError(f"cannot read {path}: {error.strerror}") from None
    # Parts are UTF-8; normalise CRLF/CR so a Windows checkout generates the same bytes.
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def guard_line(lines):
    """Line number of the part's include guard (#ifndef X / #define X as its first two
    directives), or None."""
    directives = [(n, m.groups()) for n, m in enumerate(map(DIRECTIVE.match, lines), 1) if m]
    if len(directives) >= 2:
        (number, (first, guard)), (_, (second, defined)) = directives[0], directives[1]
        if first == "ifndef" and second == "define" and guard == defined:
            return number
    return None


class Amalgamator:
    """Inlines parts depth-first. Each part is inlined where it is first met; a later include
    of it is dropped. That is only right if the first copy is active whenever the later include
    is, so each include site carries its *condition path*: the #if/#elif/#else branches (part,
    line of the #if, branch number) enclosing it, include guards left out; a condition on
    predefined macros only is identified by its text, wherever it is. A later include is
    accepted when the first site's path is a prefix of its own (same or stricter conditions)."""

    def __init__(self):
        self.out = []
        self.seen = {}  # part name -> (where it was first included, its condition path)

    def inline(self, name, where, path):
        self.seen[name] = (where, path)
        lines = read_part(name)
        if lines and lines[-1] == "":
            lines.pop()
        guard = guard_line(lines)
        # Open conditionals: [line of #if, or the condition's text if it is on predefined macros
        # only, branch number], or None for the guard.
        frames = []
        self.out.append(f"// ----- begin {name} -----")
        for number, line in enumerate(lines, start=1):
            directive = DIRECTIVE.match(line)
            if directive:
                keyword = directive.group(1)
                if keyword in CONDITIONAL_OPEN:
                    frames.append(None if number == guard else [platform_condition(line) or number, 0])
                elif keyword in ("elif", "else") and frames and frames[-1] is not None:
                    frames[-1][1] += 1
                elif keyword == "endif" and frames:
                    frames.pop()
            include = QUOTED_INCLUDE.match(line)
            if not include:
                self.out.append(line)
                continue
            target = include.group(1)
            here = f"include/{name}:{number}"
            if target.startswith("iisfake/dropin/"):
                self.out.append(line)  # never inlined; not expected in a part anyway
                continue
            if not target.startswith("iisfake/"):
                raise AmalgamationError(
                    f'{here}: quoted include "{target}" must be spelled "iisfake/<path>"')
            if not (INCLUDE_DIR / target).is_file():
                raise AmalgamationError(f'{here}: "{target}" not found under include/')
            site = path
            for frame in frames:
                if frame is None:
                    continue
                step = (None if isinstance(frame[0], str) else name, frame[0], frame[1])
                if step[0] is None and step in site:
                    continue  # the same platform condition again adds nothing
                site += (step,)
            if target in self.seen:
                first_where, first_path = self.seen[target]
                if site[:len(first_path)] != first_path:
                    # The first copy sits under a condition that may be false where this
                    # include is active: the single header would silently lack the part.
                    raise AmalgamationError(
                        f"{here}: {target} is included here, but its first inclusion "
                        f"({first_where}) is under a preprocessor condition that does not "
                        f"enclose this one; the single header would differ from include/. "
                        f"Include it unconditionally first, or under the same condition")
                continue  # already inlined above; its guard makes this include a no-op
            self.inline(target, here, site)
        self.out.append(f"// ----- end {name} -----")


def version():
    text = "\n".join(read_part(VERSION_PART))
    numbers = []
    for component in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(rf"^\s*#\s*define\s+IISFAKE_VERSION_{component}\s+(\d+)\s*$", text,
                          re.MULTILINE)
        if not match:
            raise AmalgamationError(f"include/{VERSION_PART}: no IISFAKE_VERSION_{component}")
        numbers.append(match.group(1))
    return ".".join(numbers)


def generate():
    """{path: bytes} of the single header and its opt-in Win32 companion."""
    amalgamator = Amalgamator()
    amalgamator.inline(UMBRELLA, "the umbrella", ())
    for root in EXTRA_ROOTS:
        amalgamator.inline(root, "the single header", ())
    banner = [
        f"// iisfake {version()}: single-header edition.",
        "//",
        "// GENERATED FILE - DO NOT EDIT. It is assembled from the parts under include/iisfake/:",
        f"// edit those, then run `{REGENERATE}` and commit both.",
        "// Include it as <iisfake/iisfake.hpp>, the same spelling as the modular umbrella.",
        "",
    ]
    # The companion starts where the single header ends: what it holds is included, not copied.
    companion = Amalgamator()
    companion.seen = dict(amalgamator.seen)
    companion.inline(WIN32_ROOT, "the Win32 companion", ())
    win32_banner = [
        f"// iisfake {version()}: single-header edition, the opt-in Win32 and C runtime surface",
        "// for module sources built off Windows (what the drop-in <windows.h>, <tchar.h>,",
        "// <strsafe.h>, <comdef.h>... include when the parts are absent).",
        "//",
        f"// GENERATED FILE - DO NOT EDIT (`{REGENERATE}`).",
        "#ifndef IISFAKE_SINGLE_WIN32_HPP_INCLUDED",
        "#define IISFAKE_SINGLE_WIN32_HPP_INCLUDED",
        '#include "iisfake.hpp"',
        "",
    ]
    return {
        OUTPUT: ("\n".join(banner + amalgamator.out) + "\n").encode("utf-8"),
        WIN32_OUTPUT: ("\n".join(win32_banner + companion.out + ["#endif", ""])).encode("utf-8"),
    }


def forwarders():
    """The forwarding headers beside the single header: {path: bytes}."""
    out = {}
    for name in FORWARDED:
        text = [
            "// GENERATED FILE - DO NOT EDIT (" + REGENERATE + ").",
            f"// <{name}> of the modular layout: the single header holds it.",
            '#include "iisfake.hpp"',
            "",
        ]
        out[OUTPUT.parent / pathlib.PurePosixPath(name).name] = "\n".join(text).encode("utf-8")
    return out


def relative(path):
    return path.relative_to(ROOT).as_posix()


def check(path, expected):
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        print(f"error: {relative(path)} is missing; generate it with `{REGENERATE}`",
              file=sys.stderr)
        return 1
    if current == expected:
        print(f"{relative(path)} is up to date")
        return 0
    diff = difflib.unified_diff(
        current.decode("utf-8", "replace").splitlines(),
        expected.decode("utf-8", "replace").splitlines(),
        f"{relative(path)} (committed)", f"{relative(path)} (from include/)", lineterm="")
    shown = list(diff)
    limit = 40
    print(f"error: {relative(path)} does not match the parts under include/iisfake/.\n"
          f"Regenerate it with `{REGENERATE}` and commit the result "
          f"(never edit it by hand).", file=sys.stderr)
    if shown:
        print("\n".join(shown[:limit]), file=sys.stderr)
        if len(shown) > limit:
            print(f"... ({len(shown) - limit} more diff lines)", file=sys.stderr)
    else:
        print("(the difference is in line endings or a trailing newline only)", file=sys.stderr)
    return 1


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed single header is stale")
    args = parser.parse_args(argv)
    try:
        outputs = generate()
    except AmalgamationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = [path for path, data in forwarders().items()
                 if not path.exists() or path.read_bytes() != data]
        for path in stale:
            print(f"error: {relative(path)} is stale or missing; regenerate it with "
                  f"`{REGENERATE}`", file=sys.stderr)
        failed = [check(path, data) for path, data in outputs.items()]
        return 1 if stale or any(failed) else 0
    outputs.update(forwarders())
    for path, data in outputs.items():
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
