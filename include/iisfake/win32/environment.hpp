#ifndef IISFAKE_WIN32_ENVIRONMENT_HPP_INCLUDED
#define IISFAKE_WIN32_ENVIRONMENT_HPP_INCLUDED

// Environment variables for module code off Windows (T-19). A fake environment, never the real
// one: it starts as a worker process's would on a default IIS install (SystemRoot, windir, TEMP,
// APP_POOL_ID=DefaultAppPool, COMPUTERNAME=IISFAKE...), names are case-insensitive as on Windows,
// and tests change it through iisfake::win32::set_environment_variable,
// unset_environment_variable and reset_environment. The narrow functions read and write UTF-8
// (the ANSI code page is taken to be UTF-8).

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cstddef>
#include <cstring>
#include <cwchar>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "iisfake/win32/process.hpp"

typedef CHAR* LPCH;
typedef WCHAR* LPWCH;

#ifndef ERROR_ENVVAR_NOT_FOUND
#define ERROR_ENVVAR_NOT_FOUND 203
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline std::string upper_ascii(const std::string& text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

struct EnvironmentState {
    std::mutex mutex;
    // key: the name in upper case; value: {the name as first set, the value}, UTF-8.
    std::map<std::string, std::pair<std::string, std::string>> variables;
    std::set<const void*> blocks;  // GetEnvironmentStrings results not yet freed
    EnvironmentState() { reset(); }

    void set(const std::string& name, const std::string& value) {
        auto found = variables.find(upper_ascii(name));
        if (found != variables.end())
            found->second.second = value;
        else
            variables[upper_ascii(name)] = std::make_pair(name, value);
    }
    void reset() {
        variables.clear();
        set("ALLUSERSPROFILE", "C:\\ProgramData");
        set("APP_POOL_CONFIG",
            "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config");
        set("APP_POOL_ID", "DefaultAppPool");
        set("CommonProgramFiles", "C:\\Program Files\\Common Files");
        set("COMPUTERNAME", narrow_utf8(computer_name()));
        set("ComSpec", "C:\\Windows\\system32\\cmd.exe");
        set("NUMBER_OF_PROCESSORS", std::to_string(processor_count()));
        set("OS", "Windows_NT");
        set("Path",
            "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;"
            "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\");
        set("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
        set("PROCESSOR_ARCHITECTURE", "AMD64");
        set("ProgramData", "C:\\ProgramData");
        set("ProgramFiles", "C:\\Program Files");
        set("ProgramFiles(x86)", "C:\\Program Files (x86)");
        set("PUBLIC", "C:\\Users\\Public");
        set("SystemDrive", "C:");
        set("SystemRoot", "C:\\Windows");
        set("TEMP", "C:\\Windows\\TEMP");
        set("TMP", "C:\\Windows\\TEMP");
        set("USERDOMAIN", "IIS APPPOOL");
        set("USERNAME", "DefaultAppPool");
        set("USERPROFILE", "C:\\Windows\\system32\\config\\systemprofile");
        set("windir", "C:\\Windows");
    }
};

inline EnvironmentState& environment_state() {
    static EnvironmentState state;
    return state;
}

inline bool lookup_environment(const std::string& name, std::string& value) {
    EnvironmentState& state = environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    auto found = state.variables.find(upper_ascii(name));
    if (found == state.variables.end()) return false;
    value = found->second.second;
    return true;
}

// A name Windows accepts: not empty, no '=' after the first character.
inline bool valid_variable_name(const std::string& name) {
    return !name.empty() && name.find('=', 1) == std::string::npos;
}

// GetEnvironmentVariable's contract over either character type.
template <class Char>
inline DWORD get_variable(const std::string& name, const std::basic_string<Char>& value_in_chars,
                          bool found, Char* buffer, DWORD size) {
    static_cast<void>(name);
    if (!found) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    if (buffer == nullptr || value_in_chars.size() >= size)
        return static_cast<DWORD>(value_in_chars.size() + 1);  // needed, with the NUL
    copy_with_nul(value_in_chars, buffer);
    if (value_in_chars.empty()) SetLastError(ERROR_SUCCESS);
    return static_cast<DWORD>(value_in_chars.size());
}

// %NAME% becomes the value; an unknown or empty name, or a lone '%', stays as written.
inline std::string expand_environment(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '%') {
            out += text[i++];
            continue;
        }
        const std::size_t close = text.find('%', i + 1);
        if (close == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        std::string value;
        if (close > i + 1 && lookup_environment(text.substr(i + 1, close - i - 1), value)) {
            out += value;
            i = close + 1;
        } else {
            out.append(text, i, close - i);  // "%NAME", the closing '%' may open the next one
            i = close;
        }
    }
    return out;
}

template <class Char>
inline DWORD expand_into(const std::basic_string<Char>& expanded, Char* buffer, DWORD size) {
    const auto needed = static_cast<DWORD>(expanded.size() + 1);
    if (buffer == nullptr || needed > size) return needed;
    copy_with_nul(expanded, buffer);
    return needed;
}

template <class Char>
inline Char* environment_block(const std::basic_string<Char>& text) {
    Char* block = new Char[text.size() + 1];
    for (std::size_t i = 0; i < text.size(); ++i) block[i] = text[i];
    block[text.size()] = Char();
    EnvironmentState& state = environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.blocks.insert(block);
    return block;
}

// "NAME=VALUE\0...\0\0", sorted by name as Windows keeps it.
inline std::string environment_block_text() {
    EnvironmentState& state = environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    std::string out;
    for (const auto& entry : state.variables) {
        out += entry.second.first;
        out += '=';
        out += entry.second.second;
        out += '\0';
    }
    if (out.empty()) out += '\0';
    out += '\0';
    return out;
}

template <class Char>
inline BOOL free_environment_block(Char* block) {
    {
        EnvironmentState& state = environment_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        if (block == nullptr || state.blocks.erase(block) == 0) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
    }
    delete[] block;
    return TRUE;
}

}  // namespace detail

// ---- state API ---------------------------------------------------------------------------------
template <class Unused = void>
inline void set_environment_variable(const std::string& name, const std::string& value) {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.set(name, value);
}
template <class Unused = void>
inline void unset_environment_variable(const std::string& name) {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.variables.erase(detail::upper_ascii(name));
}
// The default environment (COMPUTERNAME follows iisfake::win32::set_computer_name).
template <class Unused = void>
inline void reset_environment() {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.reset();
}
// The whole environment, names as first set: {name, value} sorted by upper-case name.
template <class Unused = void>
inline std::map<std::string, std::string> environment() {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    std::map<std::string, std::string> out;
    for (const auto& entry : state.variables) out[entry.second.first] = entry.second.second;
    return out;
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// Returns the value's length without the NUL; a buffer too small (or NULL): the size needed, with
// the NUL, and nothing written; absent: 0 and ERROR_ENVVAR_NOT_FOUND; empty value: 0 and
// ERROR_SUCCESS.
inline DWORD WINAPI GetEnvironmentVariableA(LPCSTR lpName, LPSTR lpBuffer, DWORD nSize) {
    if (lpName == nullptr) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    std::string value;
    const bool found = ::iisfake::win32::detail::lookup_environment(lpName, value);
    return ::iisfake::win32::detail::get_variable(lpName, value, found, lpBuffer, nSize);
}
inline DWORD WINAPI GetEnvironmentVariableW(LPCWSTR lpName, LPWSTR lpBuffer, DWORD nSize) {
    if (lpName == nullptr) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    const std::string name = ::iisfake::win32::detail::narrow_utf8(lpName);
    std::string value;
    const bool found = ::iisfake::win32::detail::lookup_environment(name, value);
    return ::iisfake::win32::detail::get_variable(name, ::iisfake::win32::detail::widen_utf8(value),
                                                  found, lpBuffer, nSize);
}

// A NULL value deletes the variable; "" sets it empty. An empty name or one with '=' after its
// first character: FALSE, ERROR_INVALID_PARAMETER.
inline BOOL WINAPI SetEnvironmentVariableA(LPCSTR lpName, LPCSTR lpValue) {
    if (lpName == nullptr || !::iisfake::win32::detail::valid_variable_name(lpName)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lpValue == nullptr)
        ::iisfake::win32::unset_environment_variable(lpName);
    else
        ::iisfake::win32::set_environment_variable(lpName, lpValue);
    return TRUE;
}
inline BOOL WINAPI SetEnvironmentVariableW(LPCWSTR lpName, LPCWSTR lpValue) {
    if (lpName == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const std::string name = ::iisfake::win32::detail::narrow_utf8(lpName);
    if (!::iisfake::win32::detail::valid_variable_name(name)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lpValue == nullptr)
        ::iisfake::win32::unset_environment_variable(name);
    else
        ::iisfake::win32::set_environment_variable(name,
                                                   ::iisfake::win32::detail::narrow_utf8(lpValue));
    return TRUE;
}

// Returns the characters stored, with the NUL; a buffer too small (or NULL): the size needed and
// nothing written. NULL source: 0, ERROR_INVALID_PARAMETER.
inline DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR lpSrc, LPSTR lpDst, DWORD nSize) {
    if (lpSrc == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return ::iisfake::win32::detail::expand_into(
        ::iisfake::win32::detail::expand_environment(lpSrc), lpDst, nSize);
}
inline DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR lpSrc, LPWSTR lpDst, DWORD nSize) {
    if (lpSrc == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return ::iisfake::win32::detail::expand_into(
        ::iisfake::win32::detail::widen_utf8(::iisfake::win32::detail::expand_environment(
            ::iisfake::win32::detail::narrow_utf8(lpSrc))),
        lpDst, nSize);
}

// A copy of the environment block; free it with FreeEnvironmentStrings (an unknown pointer:
// FALSE, ERROR_INVALID_PARAMETER).
inline LPCH WINAPI GetEnvironmentStringsA(VOID) {
    return ::iisfake::win32::detail::environment_block(
        ::iisfake::win32::detail::environment_block_text());
}
inline BOOL WINAPI FreeEnvironmentStringsA(LPCH penv) {
    return ::iisfake::win32::detail::free_environment_block(penv);
}
inline LPWCH WINAPI GetEnvironmentStringsW(VOID) {
    return ::iisfake::win32::detail::environment_block(
        ::iisfake::win32::detail::widen_utf8(::iisfake::win32::detail::environment_block_text()));
}
inline BOOL WINAPI FreeEnvironmentStringsW(LPWCH penv) {
    return ::iisfake::win32::detail::free_environment_block(penv);
}

#if defined(UNICODE)
#define GetEnvironmentVariable GetEnvironmentVariableW
#define SetEnvironmentVariable SetEnvironmentVariableW
#define ExpandEnvironmentStrings ExpandEnvironmentStringsW
#define GetEnvironmentStrings GetEnvironmentStringsW
#define FreeEnvironmentStrings FreeEnvironmentStringsW
#else
#define GetEnvironmentVariable GetEnvironmentVariableA
#define SetEnvironmentVariable SetEnvironmentVariableA
#define ExpandEnvironmentStrings ExpandEnvironmentStringsA
#define GetEnvironmentStrings GetEnvironmentStringsA
#define FreeEnvironmentStrings FreeEnvironmentStringsA
#endif

#endif  // !_WIN32

#endif
