#!/usr/bin/env python3
"""Measure how many IIS module sources compile unmodified through the drop-in headers.

    python3 tools/measure-module-sources.py DIR [DIR...]                 # g++, C++14
    python3 tools/measure-module-sources.py DIR --compiler clang++ --std c++17
    python3 tools/measure-module-sources.py DIR --compiler "clang++ -fms-extensions"
    python3 tools/measure-module-sources.py DIR --exclude-import --min-percent 90

Every *.cpp directly in each DIR (a module source written against the Windows SDK: its own
`#include <windows.h>`, `<httpserv.h>`, ...) is compiled, from its own folder, with

    COMPILER -std=STD -fsyntax-only -w -I include -I include/iisfake/dropin
             -I include/iisfake/dropin/iis -I include/iisfake/dropin/spellings FILE

(the include folders of this repository, whatever the current directory, or of another
checkout of it with --root, e.g. a `git archive` of a commit; -w because this
measures whether a source compiles, not its warnings; --flag adds more flags), at most
--jobs compiles at a time (2 unless told). The report gives the pass count and percentage,
each failing source with its first error line, and what blocks the failures, ranked by how
many sources each blocks:

  * names: "'X' was not declared", "'X' does not name a type", "unknown type name 'X'",
    "use of undeclared identifier 'X'", "'X' is not a member of 'Y'" / "no member named 'X'
    in 'Y'" (as Y::X) and the like, from g++ and clang++;
  * headers: "X: No such file or directory" / "'X' file not found" (a missing header stops
    the compiler, so it hides whatever else that source lacks);
  * every other error, its message with the quoted names replaced by 'X' (MSVC-only C++
    that g++/clang++ reject lands here: pure virtual with a body, extra qualification, ...).

"only" counts the sources in which that blocker is the sole one found: adding that name
or header alone should (barring what it then uncovers) make them pass. The failing sources
are also grouped by the whole set of what each lacks (names that always come together, like
RegisterEventSource/ReportEvent/DeregisterEventSource, show up as one group). A source is
skipped, with --exclude-import, if it has an `#import` directive (a COM type library:
out of reach off Windows). A UTF-16 source (a byte-order mark) is reported as such.

--markdown FILE also writes the report as Markdown (with the time, the compiler's version
and the command line); --json FILE as JSON. The exit status is 0, whatever compiled,
unless --min-percent N is given and fewer than N% of the measured sources passed (then 1);
2 for bad usage. Standard library only; works from any current directory.
"""

import argparse
import collections
import concurrent.futures
import datetime
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE_DIRS = ["include", "include/iisfake/dropin", "include/iisfake/dropin/iis",
                "include/iisfake/dropin/spellings"]
IMPORT_RE = re.compile(rb"^[ \t]*#[ \t]*import\b", re.M)
# g++ and clang++ messages naming what is missing: (regex, how to name it from the match), the
# first that matches wins; None: a consequence of another error, not counted at all.
NAME_PATTERNS = [
    (r"'([^']+)' is not a member of '([^']+)'", lambda m: f"{m[2]}::{m[1]}"),
    (r"no member named '([^']+)' in (?:namespace |class |struct )?'([^']+)'",
     lambda m: f"{m[2]}::{m[1]}"),
    (r"'(?:class |struct |union )?([^']+)' has no member named '([^']+)'",
     lambda m: f"{m[1]}::{m[2]}"),
    (r"no type named '([^']+)' in '([^']+)'", lambda m: f"{m[2]}::{m[1]}"),
    (r"'([^']+)' was not declared in this scope", lambda m: m[1]),
    (r"'([^']+)' has not been declared", lambda m: m[1]),
    (r"'([^']+)' does not name a type", lambda m: m[1]),
    (r"'([^']+)' is not a (?:type|template|class, namespace, or enumeration)", None),
    (r"unknown type name '([^']+)'", lambda m: m[1]),
    (r"use of undeclared identifier '([^']+)'", lambda m: m[1]),
    (r"use of undeclared label '([^']+)'", lambda m: m[1]),
    (r"no template named '([^']+)'", lambda m: m[1]),
    (r"'([^']+)' was not declared", lambda m: m[1]),
    (r"there are no arguments to '([^']+)' that depend", lambda m: m[1]),
    (r"variable or field '([^']+)' declared void", None),
    (r"expected type-specifier before '([^']+)'", lambda m: m[1]),
]
NAME_PATTERNS = [(re.compile(p), f) for p, f in NAME_PATTERNS]
IDENT_RE = re.compile(r"^(?:::)?[A-Za-z_][\w:<>, *&]*$")  # a name, not e.g. '...'

HEADER_PATTERNS = [re.compile(r"fatal error: ([^:]+): No such file or directory"),
                   re.compile(r"fatal error: '([^']+)' file not found")]
DIAG_RE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?:(?P<col>\d+):)? "
                     r"(?P<sev>fatal error|error): (?P<msg>.*)$")


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=pathlib.Path, help="folders of .cpp sources")
    ap.add_argument("--compiler", default="g++",
                    help='compiler, with any flags of its own (default: "g++")')
    ap.add_argument("--std", default="c++14", help="language standard (default: c++14)")
    ap.add_argument("--flag", action="append", default=[],
                    help="one more compiler flag (repeatable), e.g. --flag=-fpermissive")
    ap.add_argument("--root", type=pathlib.Path, default=ROOT,
                    help="the iisfake checkout whose include/ is used (default: this one)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="parallel compiles (default 2)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per compile")
    ap.add_argument("--exclude-import", action="store_true",
                    help="skip sources with an #import directive (COM type libraries)")
    ap.add_argument("--min-percent", type=float, default=None,
                    help="exit 1 if fewer than this percentage of the measured sources pass")
    ap.add_argument("--top", type=int, default=40, help="blockers listed (default 40)")
    ap.add_argument("--markdown", type=pathlib.Path, help="also write the report here")
    ap.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    ap.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    return args


def compile_one(cmd_prefix, source, timeout):
    """Compile one source; return (ok, stderr text)."""
    cmd = cmd_prefix + [source.name]
    try:
        p = subprocess.run(cmd, cwd=source.parent, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"{source.name}:0: error: timed out after {timeout:g} s\n"
    except OSError as e:
        return False, f"{source.name}:0: error: cannot run the compiler: {e}\n"
    return p.returncode == 0, p.stderr.decode("utf-8", errors="replace")


def normalize(msg):
    """An error message with the names in it replaced by 'X', to group alike errors."""
    msg = re.sub(r"[‘’]", "'", msg)
    msg = re.sub(r"'[^']*'", "'X'", msg)
    msg = re.sub(r"\[-W[^\]]*\]$", "", msg)
    return re.sub(r"\d+", "N", msg).strip()


def analyse(stderr, source_name):
    """Errors of one compile: (first error line, names, headers, other messages, raw other)."""
    first, names, headers, other, raw = None, [], [], [], {}
    for line in stderr.splitlines():
        line = line.replace("\u2018", "'").replace("\u2019", "'")
        m = DIAG_RE.match(line)
        if not m:
            continue
        msg = m["msg"]
        if first is None:
            where = os.path.basename(m["file"])
            where = f"line {m['line']}" if where == source_name else f"{where}:{m['line']}"
            first = f"{where}: {msg}"
        for hp in HEADER_PATTERNS:
            h = hp.search(line)
            if h:
                headers.append(h[1])
                break
        else:
            for np, namer in NAME_PATTERNS:
                n = np.search(msg)
                if n and (namer is None or IDENT_RE.match(namer(n))):
                    if namer is not None:
                        names.append(namer(n))
                    break
            else:
                key = normalize(msg)
                other.append(key)
                raw.setdefault(key, f"{os.path.basename(m['file'])}:{m['line']}: {msg}")
    dedup = lambda xs: list(dict.fromkeys(xs))
    return first, dedup(names), dedup(headers), dedup(other), raw


def compiler_version(cmd):
    try:
        out = subprocess.run([cmd[0], "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, timeout=30).stdout
        return out.decode(errors="replace").splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return cmd[0]


def rank(results, key, top):
    """[(blocker, sources blocked, sources where it is the only blocker, examples)]"""
    count, only, examples = collections.Counter(), collections.Counter(), {}
    for r in results:
        if r["ok"]:
            continue
        alone = len(r["names"]) + len(r["headers"]) + len(r["other"]) == 1
        for it in r[key]:
            count[it] += 1
            examples.setdefault(it, []).append(r["file"])
            only[it] += alone
    return [(it, n, only[it], examples[it][:3]) for it, n in count.most_common(top)]


def blocker_sets(results, top):
    """Failing sources grouped by all they lack: [(blockers, sources)], biggest first."""
    groups = collections.defaultdict(list)
    for r in results:
        if not r["ok"]:
            groups[tuple(r["headers"] + r["names"] + r["other"])].append(r["file"])
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    compiler = shlex.split(args.compiler)
    if not compiler:
        print("error: empty --compiler", file=sys.stderr)
        return 2
    cmd_prefix = compiler + [f"-std={args.std}", "-fsyntax-only", "-w"] + args.flag
    for inc in INCLUDE_DIRS:
        cmd_prefix += ["-I", str(args.root.resolve() / inc)]
    sources, skipped, utf16 = [], [], set()
    for d in args.dirs:
        if not d.is_dir():
            print(f"error: not a folder: {d}", file=sys.stderr)
            return 2
        for f in sorted(d.glob("*.cpp")):
            data = f.read_bytes()
            if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                utf16.add(f)
                text = data.decode("utf-16", errors="replace").encode()
            else:
                text = data
            if args.exclude_import and IMPORT_RE.search(text):
                skipped.append(f)
            else:
                sources.append(f)
    if not sources:
        print("error: no .cpp sources to measure", file=sys.stderr)
        return 2

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(compile_one, cmd_prefix, s, args.timeout): s for s in sources}
        for fut in concurrent.futures.as_completed(futures):
            s = futures[fut]
            ok, stderr = fut.result()
            first, names, headers, other, raw = analyse(stderr, s.name)
            if not ok and first is None:
                first = (stderr.strip().splitlines() or ["(failed, no diagnostic)"])[0]
            results.append({"file": s.name, "path": str(s), "ok": ok, "first_error": first,
                            "names": names, "headers": headers, "other": other,
                            "other_example": raw,
                            "utf16": s in utf16})
    results.sort(key=lambda r: r["path"])
    passed = sum(r["ok"] for r in results)
    pct = 100.0 * passed / len(results)
    failures = [r for r in results if not r["ok"]]

    shown_cmd = " ".join(shlex.quote(c) for c in compiler + [f"-std={args.std}",
                         "-fsyntax-only", "-w"] + args.flag) + \
        " " + " ".join(f"-I {inc}" for inc in INCLUDE_DIRS) + " FILE"
    summary = (f"{passed}/{len(results)} passed ({pct:.1f}%) with {shown_cmd}"
               + (f"; {len(skipped)} skipped (#import)" if skipped else ""))
    headers_rank = rank(results, "headers", args.top)
    names_rank = rank(results, "names", args.top)
    other_rank = rank(results, "other", args.top)

    lines = []
    out = lines.append
    out(f"# Module sources through the drop-ins: {passed}/{len(results)} ({pct:.1f}%)")
    out("")
    out(f"- time: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    out(f"- compiler: {compiler_version(compiler)}")
    out(f"- command: `{shown_cmd}`" + ("" if args.root.resolve() == ROOT else
                                       f" (include/ of {args.root})"))
    out(f"- sources: {', '.join(str(d) for d in args.dirs)}: {len(results)} measured"
        + (f", {len(skipped)} skipped for #import" if skipped else ""))
    if utf16:
        out(f"- UTF-16 sources: {len(utf16)} ({', '.join(sorted(p.name for p in utf16))})")
    for title, table in (("Missing headers", headers_rank), ("Missing names", names_rank),
                         ("Other errors", other_rank)):
        out("")
        out(f"## {title} (sources blocked; only = the sole blocker found)")
        out("")
        if not table:
            out("none")
            continue
        out("| blocker | sources | only | e.g. |")
        out("|---|---:|---:|---|")
        for it, n, only, ex in table:
            cell = f"`{it}`"
            if title == "Other errors":
                sample = next(r["other_example"][it] for r in results
                              if it in r["other_example"])
                cell += f" (e.g. `{sample}`)"
            out(f"| {cell.replace('|', '&#124;')} | {n} | {only} | {', '.join(ex)} |")
    out("")
    out("## Failing sources grouped by everything they lack (biggest groups first)")
    out("")
    for blockers, files in blocker_sets(results, args.top):
        shown = ", ".join(f"`{b}`" for b in blockers) or "(no diagnostic recognised)"
        out(f"- {len(files)}: {shown} ({', '.join(files[:3])}{', ...' if len(files) > 3 else ''})")
    out("")
    out(f"## Failures ({len(failures)}): first error")
    out("")
    for r in failures:
        out(f"- {r['file']}{' (UTF-16)' if r['utf16'] else ''}: {r['first_error']}")
    report = "\n".join(lines) + "\n"

    if args.quiet:
        print(summary)
    else:
        print(report)
        print(summary)
    if args.markdown:
        args.markdown.write_text(report)
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "passed": passed,
                                         "measured": len(results),
                                         "skipped_import": [str(p) for p in skipped],
                                         "results": results}, indent=1) + "\n")
    if args.min_percent is not None and pct < args.min_percent:
        print(f"below --min-percent {args.min_percent:g}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
