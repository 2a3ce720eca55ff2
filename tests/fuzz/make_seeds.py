#!/usr/bin/env python3
"""Writes the fuzzer's seed corpus: one input per defect issue 9 lists (named after it), plus a
few ordinary requests. Each input is spelt in the format request_fuzzer.cpp decodes, so a
reader can see what it does. Run from the repository root: python3 tests/fuzz/make_seeds.py"""
import os
import struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

# Indices into the fuzzer's tables.
METHODS = ["GET", "POST", "HEAD", "PURGE", "get", "M-SEARCH", "", "GE T"]
URLS = ["/", "/a%20b/c.aspx?x=1&y=%41", "/a%C0%80b", "/..%C0%AF..%C0%AFwin.ini",
        "/..%2F..%2Fwin.ini", "/a/b/../c?q", "/%00", "*", "relative", "/caf%C3%A9?%FF"]
NAMES = ["Host", "Content-Length", "Content-Type", "Cookie", "X-A", "x-a", "X-B",
         "Transfer-Encoding", "User-Agent", "Bad Name", "", "X-Forwarded-For"]
HOSTS = ["localhost", "x/y?z", "[::1", "[::1]:8080", "www.example.com:81", ""]
ADDRESSES = ["127.0.0.1", "2001:db8::1", "fe80::1%3", "0001.2.3.4", "[::2]", "not-an-ip",
             "::ffff:192.0.2.1"]
SEPARATORS = [", ", ",", "", "; ", "\r\n", "\n"]
OK = 4  # results[4] is S_OK


def text(data):
    data = data.encode("latin-1") if isinstance(data, str) else data
    assert len(data) < 256
    return bytes([len(data)]) + data


def u16(n):
    return struct.pack("<H", n)


def u32(n):
    return struct.pack("<I", n)


def request(method="GET", url="/", raw_url=None, headers=(), body=b"", generated=None,
            chunked=False, tls=False, certificate=None, negotiable=0, disconnect=None,
            empty_generator=None, policy=0, eof_completion=False, poison=False,
            full_duplex=False, separator=", ", record_calls=True):
    shape = (1 if raw_url is not None and False else 0)
    shape |= 2 if raw_url is not None else 0
    shape |= 8 if generated is not None else 0
    shape |= 16 if chunked else 0
    shape |= 32 if tls else 0
    shape |= 64 if certificate is not None else 0
    shape |= 128 if disconnect is not None else 0
    out = bytes([shape, METHODS.index(method)])
    out += text(raw_url) if raw_url is not None else bytes([URLS.index(url)])
    out += bytes([len(headers)])
    for name, value in headers:
        out += bytes([0, NAMES.index(name)])
        out += bytes([HOSTS.index(value)]) if name == "Host" else text(value)
    out += u32(generated) if generated is not None else text(body)
    if certificate is not None:
        out += text(certificate) + bytes([negotiable])
    if disconnect is not None:
        out += bytes([disconnect, 2])  # ERROR_CONNECTION_ABORTED
    more = 32 if empty_generator is not None else 0
    out += bytes([more])
    if empty_generator is not None:
        out += u32(empty_generator)
    out += bytes([policy, 0, 0, int(eof_completion), int(poison), int(full_duplex), 1, 1,
                  SEPARATORS.index(separator), int(record_calls)])
    return out


# The operations, by opcode.
def get_header(name):
    return bytes([0, 0, NAMES.index(name)])


def get_header_id(i):
    return bytes([1, i & 0xFF])


def set_header(name, value, replace=True):
    return bytes([2, 1]) + text(name) + text(value) + bytes([0, int(replace)])


def set_header_id(i, value, replace=True):
    return bytes([3, i & 0xFF]) + text(value) + bytes([int(replace)])


def delete_header_id(i):
    return bytes([5, i & 0xFF])


def set_url_narrow(url, reset=True):
    return bytes([7, 1]) + text(url) + bytes([0, int(reset)])


def read_sync(size):
    return bytes([9, size])


def read_async(size, with_pending=True):
    return bytes([10, size, int(with_pending), 0])


def get_certificate():
    return bytes([13])


def negotiate(async_=False):
    return bytes([14, int(async_), 1])


def complete():
    return bytes([17])


def complete_with(status, count):
    return bytes([18, status, count])


def sink(reads_over_256=0):
    return bytes([20, reads_over_256])


def bulk(kind, n):
    return bytes([24, kind]) + u16(n)


SEEDS = {
    # Ordinary requests, for the fuzzer to start from.
    "plain-get": request() + get_header("Host") + read_sync(16),
    "post-body-async": request(method="POST", url="/a%20b/c.aspx?x=1&y=%41",
                               headers=[("Content-Type", "text/plain"), ("X-A", "1")],
                               body=b"hello, world") + sink() + read_async(4) + complete() +
                       set_header("X-A", "2", False) + get_header_id(28),
    "rewrite": request(headers=[("Host", "www.example.com:81")]) +
               set_url_narrow("/new/path?q=1") + set_header_id(40, "agent"),
    # Issue 9, one input per defect.
    # A larger certificate freed the old bytes; one of the same size rewrote them.
    "issue9-1-certificate-use-after-free":
        request(tls=True, certificate=b"O" * 32, negotiable=200) + get_certificate() +
        negotiate() + get_certificate(),
    "issue9-1-certificate-async":
        request(tls=True, certificate=b"O" * 32, negotiable=32) + get_certificate() + sink() +
        negotiate(True) + complete() + get_certificate(),
    "issue9-2-body-without-generator": request(empty_generator=65535) + read_sync(255) * 40,
    "issue9-3-nested-completions":
        request(method="POST", generated=256 * 1024, policy=4, record_calls=False) +
        sink(255) + read_async(16),
    "issue9-4-quadratic-new-headers": request() + bulk(0, 2000),
    "issue9-4-quadratic-appends": request() + bulk(2, 2000) + bulk(1, 2000),
    "issue9-4-quadratic-deletes": request() + bulk(0, 2000) + bulk(3, 2000),
    "issue9-5-overlong-setur": request() + set_url_narrow(b"/a\xc0\x80b") +
                               set_url_narrow(b"/..\xc0\xaf..\xc0\xafwin.ini"),
    "issue9-5-overlong-builder": request(url="/a%C0%80b"),
    "issue9-5-traversal-builder": request(url="/..%C0%AF..%C0%AFwin.ini"),
    "issue9-5-nul-builder": request(url="/%00"),
    "issue9-6-nul-in-url": request(raw_url=b"/a\x00b"),
    "issue9-7-header-ids": request() + get_header_id(64) + get_header_id(-1) +
                           set_header_id(64, "v") + delete_header_id(-1) + get_header_id(41),
    "issue9-8-completion-bytes": request(method="POST", body=b"abcdefgh") + sink() +
                                 read_async(4) + complete_with(OK, 200),
    "issue9-8-separator": request(separator="\r\n", headers=[("X-A", "1")]) +
                         set_header("X-A", "2", False),
    "issue9-9-disconnect-at-end": request(method="POST", body=b"abcd", disconnect=4) +
                                  read_sync(16) + read_sync(16),
    "issue9-10-host-path": request(headers=[("Host", "x/y?z")]),
    "issue9-10-host-bracket": request(headers=[("Host", "[::1")]),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in sorted(SEEDS.items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
