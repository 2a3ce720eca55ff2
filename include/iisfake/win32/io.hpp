#ifndef IISFAKE_WIN32_IO_HPP_INCLUDED
#define IISFAKE_WIN32_IO_HPP_INCLUDED

// What <io.h> provides module sources off Windows (T-19), kept to what modules use: _access
// (modes 0, 2, 4, 6), the low-level file calls (_open with MSVC's _O_* values, _sopen_s, _read,
// _write, _lseek, _close, _commit, _chsize, _filelength, _eof, _dup, _dup2, _isatty, _setmode),
// _unlink and the wide forms taking UTF-8 paths. They map to POSIX; paths are passed as they
// are. A bad descriptor or NULL buffer is an invalid parameter, as in MSVC's CRT (EBADF/EINVAL).
// Not provided: _findfirst/_findnext, _mktemp, _locking, _get_osfhandle.

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cerrno>
#include <climits>
#include <cstdio>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "iisfake/win32/crt.hpp"
#include "iisfake/win32/invalid_parameter.hpp"
#include "iisfake/win32/utf8.hpp"

#define _O_RDONLY 0x0000
#define _O_WRONLY 0x0001
#define _O_RDWR 0x0002
#define _O_APPEND 0x0008
#define _O_RANDOM 0x0010
#define _O_SEQUENTIAL 0x0020
#define _O_TEMPORARY 0x0040
#define _O_NOINHERIT 0x0080
#define _O_CREAT 0x0100
#define _O_TRUNC 0x0200
#define _O_EXCL 0x0400
#define _O_SHORT_LIVED 0x1000
#define _O_OBTAIN_DIR 0x2000
#define _O_TEXT 0x4000
#define _O_BINARY 0x8000
#define _O_RAW _O_BINARY
#define _O_WTEXT 0x10000
#define _O_U16TEXT 0x20000
#define _O_U8TEXT 0x40000

#define _S_IREAD 0x0100
#define _S_IWRITE 0x0080

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline int posix_open_flags(int oflag) {
    int flags = 0;
    switch (oflag & (_O_WRONLY | _O_RDWR)) {
        case _O_WRONLY:
            flags = O_WRONLY;
            break;
        case _O_RDWR:
            flags = O_RDWR;
            break;
        default:
            flags = O_RDONLY;
            break;
    }
    if (oflag & _O_APPEND) flags |= O_APPEND;
    if (oflag & _O_CREAT) flags |= O_CREAT;
    if (oflag & _O_TRUNC) flags |= O_TRUNC;
    if (oflag & _O_EXCL) flags |= O_EXCL;
    if (oflag & _O_NOINHERIT) flags |= O_CLOEXEC;
    return flags;
}

inline mode_t posix_mode_bits(int pmode) {
    mode_t mode = 0;
    if (pmode & _S_IREAD) mode |= S_IRUSR | S_IRGRP | S_IROTH;
    if (pmode & _S_IWRITE) mode |= S_IWUSR | S_IWGRP | S_IWOTH;
    return mode;
}

inline int open_descriptor(const char* filename, int oflag, int pmode, const wchar_t* function) {
    if (filename == nullptr) {
        invalid_parameter_errno(L"filename != nullptr", function, EINVAL);
        return -1;
    }
    const int fd = ::open(filename, posix_open_flags(oflag), posix_mode_bits(pmode));
    if (fd >= 0 && (oflag & _O_TEMPORARY)) ::unlink(filename);  // gone once closed
    return fd;
}

// MSVC validates descriptors: a negative or closed one is an invalid parameter (EBADF).
inline bool bad_descriptor(int fd, int result, const wchar_t* function) {
    if (fd < 0 || (result < 0 && errno == EBADF)) {
        invalid_parameter_errno(L"(fh >= 0 && fh < _nhandle)", function, EBADF);
        return true;
    }
    return false;
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

inline int _access(const char* path, int mode) {
    if (path == nullptr || (mode & ~6) != 0) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"path != nullptr && (mode & ~6) == 0",
                                                          L"_access", EINVAL);
        return -1;
    }
    int how = F_OK;
    if (mode & 2) how |= W_OK;
    if (mode & 4) how |= R_OK;
    return ::access(path, how) == 0 ? 0 : -1;
}
inline int _waccess(const wchar_t* path, int mode) {
    if (path == nullptr) return _access(nullptr, mode);
    return _access(::iisfake::win32::detail::u8_from_wide(path).c_str(), mode);
}
inline errno_t _access_s(const char* path, int mode) {
    if (path == nullptr || (mode & ~6) != 0)
        return ::iisfake::win32::detail::invalid_parameter_errno(
            L"path != nullptr && (mode & ~6) == 0", L"_access_s", EINVAL);
    return _access(path, mode) == 0 ? 0 : errno;
}
inline errno_t _waccess_s(const wchar_t* path, int mode) {
    if (path == nullptr) return _access_s(nullptr, mode);
    return _access_s(::iisfake::win32::detail::u8_from_wide(path).c_str(), mode);
}

inline int _open(const char* filename, int oflag, int pmode = 0) {
    return ::iisfake::win32::detail::open_descriptor(filename, oflag, pmode, L"_open");
}
inline int _wopen(const wchar_t* filename, int oflag, int pmode = 0) {
    if (filename == nullptr)
        return ::iisfake::win32::detail::open_descriptor(nullptr, oflag, pmode, L"_wopen");
    return ::iisfake::win32::detail::open_descriptor(
        ::iisfake::win32::detail::u8_from_wide(filename).c_str(), oflag, pmode, L"_wopen");
}
// The sharing flag (_SH_DENYNO...) has no POSIX meaning and is ignored.
inline int _sopen(const char* filename, int oflag, int shflag, int pmode = 0) {
    static_cast<void>(shflag);
    return ::iisfake::win32::detail::open_descriptor(filename, oflag, pmode, L"_sopen");
}
inline errno_t _sopen_s(int* pfh, const char* filename, int oflag, int shflag, int pmode) {
    static_cast<void>(shflag);
    if (pfh == nullptr)
        return ::iisfake::win32::detail::invalid_parameter_errno(L"pfh != nullptr", L"_sopen_s",
                                                                 EINVAL);
    *pfh = -1;
    if (filename == nullptr)
        return ::iisfake::win32::detail::invalid_parameter_errno(L"filename != nullptr",
                                                                 L"_sopen_s", EINVAL);
    *pfh = ::iisfake::win32::detail::open_descriptor(filename, oflag, pmode, L"_sopen_s");
    return *pfh >= 0 ? 0 : errno;
}
inline errno_t _wsopen_s(int* pfh, const wchar_t* filename, int oflag, int shflag, int pmode) {
    if (filename == nullptr) return _sopen_s(pfh, nullptr, oflag, shflag, pmode);
    return _sopen_s(pfh, ::iisfake::win32::detail::u8_from_wide(filename).c_str(), oflag, shflag,
                    pmode);
}

inline int _close(int fd) {
    const int result = fd < 0 ? -1 : ::close(fd);
    return ::iisfake::win32::detail::bad_descriptor(fd, result, L"_close") ? -1 : result;
}
inline int _read(int fd, void* buffer, unsigned int count) {
    if (buffer == nullptr || count > INT_MAX) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"buffer != nullptr && count <= INT_MAX",
                                                          L"_read", EINVAL);
        return -1;
    }
    const ssize_t result = fd < 0 ? -1 : ::read(fd, buffer, count);
    if (::iisfake::win32::detail::bad_descriptor(fd, static_cast<int>(result), L"_read")) return -1;
    return static_cast<int>(result);
}
inline int _write(int fd, const void* buffer, unsigned int count) {
    if (buffer == nullptr || count > INT_MAX) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"buffer != nullptr && count <= INT_MAX",
                                                          L"_write", EINVAL);
        return -1;
    }
    const ssize_t result = fd < 0 ? -1 : ::write(fd, buffer, count);
    if (::iisfake::win32::detail::bad_descriptor(fd, static_cast<int>(result), L"_write"))
        return -1;
    return static_cast<int>(result);
}
inline long long _lseeki64(int fd, long long offset, int origin) {
    if (origin != SEEK_SET && origin != SEEK_CUR && origin != SEEK_END) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"origin valid", L"_lseeki64", EINVAL);
        return -1;
    }
    const long long result =
        fd < 0 ? -1 : static_cast<long long>(::lseek(fd, static_cast<off_t>(offset), origin));
    if (::iisfake::win32::detail::bad_descriptor(fd, result < 0 ? -1 : 0, L"_lseeki64")) return -1;
    return result;
}
// long is 32-bit on Windows: offsets beyond 2 GB fail with EINVAL, as there.
inline long _lseek(int fd, long offset, int origin) {
    const long long result = _lseeki64(fd, offset, origin);
    if (result > INT32_MAX) {
        errno = EINVAL;
        return -1;
    }
    return static_cast<long>(result);
}
inline long _tell(int fd) { return _lseek(fd, 0, SEEK_CUR); }
inline long long _telli64(int fd) { return _lseeki64(fd, 0, SEEK_CUR); }
inline long long _filelengthi64(int fd) {
    struct stat info;
    const int result = fd < 0 ? -1 : ::fstat(fd, &info);
    if (::iisfake::win32::detail::bad_descriptor(fd, result, L"_filelengthi64")) return -1;
    return result == 0 ? static_cast<long long>(info.st_size) : -1;
}
inline long _filelength(int fd) {
    const long long length = _filelengthi64(fd);
    return length > INT32_MAX ? -1 : static_cast<long>(length);
}
inline int _eof(int fd) {
    const long long here = _telli64(fd);
    if (here < 0) return -1;
    const long long length = _filelengthi64(fd);
    return length < 0 ? -1 : here >= length ? 1 : 0;
}
inline int _commit(int fd) {
    const int result = fd < 0 ? -1 : ::fsync(fd);
    return ::iisfake::win32::detail::bad_descriptor(fd, result, L"_commit") ? -1 : result;
}
inline errno_t _chsize_s(int fd, long long size) {
    if (size < 0)
        return ::iisfake::win32::detail::invalid_parameter_errno(L"size >= 0", L"_chsize_s",
                                                                 EINVAL);
    const int result = fd < 0 ? -1 : ::ftruncate(fd, static_cast<off_t>(size));
    if (::iisfake::win32::detail::bad_descriptor(fd, result, L"_chsize_s")) return EBADF;
    return result == 0 ? 0 : errno;
}
inline int _chsize(int fd, long size) { return _chsize_s(fd, size) == 0 ? 0 : -1; }
inline int _dup(int fd) {
    const int result = fd < 0 ? -1 : ::dup(fd);
    return ::iisfake::win32::detail::bad_descriptor(fd, result, L"_dup") ? -1 : result;
}
inline int _dup2(int fd1, int fd2) {
    if (fd2 < 0) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"fd2 >= 0", L"_dup2", EBADF);
        return -1;
    }
    const int result = fd1 < 0 ? -1 : ::dup2(fd1, fd2);
    return ::iisfake::win32::detail::bad_descriptor(fd1, result, L"_dup2") ? -1
                                                                           : (result < 0 ? -1 : 0);
}
inline int _isatty(int fd) { return fd >= 0 && ::isatty(fd) ? 1 : 0; }
// Text and binary modes are the same here; answers the previous mode as _O_TEXT.
inline int _setmode(int fd, int mode) {
    if (mode != _O_TEXT && mode != _O_BINARY && mode != _O_WTEXT && mode != _O_U16TEXT &&
        mode != _O_U8TEXT) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"mode valid", L"_setmode", EINVAL);
        return -1;
    }
    if (fd < 0) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"fd >= 0", L"_setmode", EBADF);
        return -1;
    }
    return _O_TEXT;
}
inline int _unlink(const char* filename) {
    if (filename == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"filename != nullptr", L"_unlink",
                                                          EINVAL);
        return -1;
    }
    return ::unlink(filename) == 0 ? 0 : -1;
}
inline int _wunlink(const wchar_t* filename) {
    if (filename == nullptr) return _unlink(nullptr);
    return _unlink(::iisfake::win32::detail::u8_from_wide(filename).c_str());
}

#endif  // !_WIN32

#endif
