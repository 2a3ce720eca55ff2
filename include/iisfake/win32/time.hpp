#ifndef IISFAKE_WIN32_TIME_HPP_INCLUDED
#define IISFAKE_WIN32_TIME_HPP_INCLUDED

// Time for module code off Windows (T-19): ticks, the performance counter, the time of day as
// SYSTEMTIME and FILETIME (100 ns since 1601-01-01 UTC), conversions, time zones. Everything reads
// iisfake::win32::clock(): real time by default (a steady clock for ticks and the performance
// counter, the system clock for the time of day) with a UTC offset of 0, so the machine's time
// zone never matters; a test may freeze it, advance it and set the offset. While frozen, Sleep
// advances the clock instead of waiting.

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include "iisfake/win32/process.hpp"

#define TIME_ZONE_ID_INVALID 0xFFFFFFFFu
#define TIME_ZONE_ID_UNKNOWN 0
#define TIME_ZONE_ID_STANDARD 1
#define TIME_ZONE_ID_DAYLIGHT 2

#ifndef IISFAKE_WIN32_HAS_SYSTEMTIME
#define IISFAKE_WIN32_HAS_SYSTEMTIME 1
typedef struct _SYSTEMTIME {
    WORD wYear;
    WORD wMonth;
    WORD wDayOfWeek;
    WORD wDay;
    WORD wHour;
    WORD wMinute;
    WORD wSecond;
    WORD wMilliseconds;
} SYSTEMTIME, *PSYSTEMTIME, *LPSYSTEMTIME;
#endif

typedef struct _TIME_ZONE_INFORMATION {
    LONG Bias;
    WCHAR StandardName[32];
    SYSTEMTIME StandardDate;
    LONG StandardBias;
    WCHAR DaylightName[32];
    SYSTEMTIME DaylightDate;
    LONG DaylightBias;
} TIME_ZONE_INFORMATION, *PTIME_ZONE_INFORMATION, *LPTIME_ZONE_INFORMATION;

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

typedef std::chrono::duration<std::int64_t, std::ratio<1, 10000000>> filetime_duration;

// 100-ns units from 1601-01-01 to 1970-01-01.
constexpr std::int64_t unix_epoch_as_filetime() noexcept { return 116444736000000000LL; }
constexpr std::int64_t filetime_per_ms() noexcept { return 10000; }
constexpr std::int64_t filetime_per_day() noexcept { return 864000000000LL; }

inline std::int64_t real_utc_filetime() {
    const auto since_unix = std::chrono::duration_cast<filetime_duration>(
        std::chrono::system_clock::now().time_since_epoch());
    return unix_epoch_as_filetime() + since_unix.count();
}

inline std::int64_t real_ticks() {
    return std::chrono::duration_cast<filetime_duration>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline bool is_leap_year(unsigned year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

inline unsigned days_in_month(unsigned year, unsigned month) noexcept {
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return days[month - 1] + (month == 2 && is_leap_year(year) ? 1u : 0u);
}

// The documented range of SystemTimeToFileTime: 1601-01-01 to 30827-12-31 (FileTimeToSystemTime
// reaches into 30828 for the largest FILETIME values).
inline bool valid_system_time(const SYSTEMTIME& st) noexcept {
    return st.wYear >= 1601 && st.wYear <= 30827 && st.wMonth >= 1 && st.wMonth <= 12 &&
           st.wDay >= 1 && st.wDay <= days_in_month(st.wYear, st.wMonth) && st.wHour < 24 &&
           st.wMinute < 60 && st.wSecond < 60 && st.wMilliseconds < 1000;
}

// Days since 1601-01-01, which starts a 400-year cycle of the Gregorian calendar.
inline std::int64_t days_since_1601(unsigned year, unsigned month, unsigned day) noexcept {
    const std::int64_t years = static_cast<std::int64_t>(year) - 1601;
    std::int64_t days = years * 365 + years / 4 - years / 100 + years / 400;
    for (unsigned m = 1; m < month; ++m) days += days_in_month(year, m);
    return days + day - 1;
}

// Requires a valid SYSTEMTIME; wDayOfWeek is ignored, as Windows does.
inline std::int64_t system_time_to_filetime(const SYSTEMTIME& st) noexcept {
    const std::int64_t days = days_since_1601(st.wYear, st.wMonth, st.wDay);
    const std::int64_t ms =
        ((static_cast<std::int64_t>(st.wHour) * 60 + st.wMinute) * 60 + st.wSecond) * 1000 +
        st.wMilliseconds;
    return days * filetime_per_day() + ms * filetime_per_ms();
}

// Requires 0 <= value; wDayOfWeek computed (1601-01-01 was a Monday).
inline SYSTEMTIME filetime_to_system_time(std::int64_t value) noexcept {
    SYSTEMTIME st;
    std::int64_t days = value / filetime_per_day();
    std::int64_t ms = (value % filetime_per_day()) / filetime_per_ms();
    st.wDayOfWeek = static_cast<WORD>((days + 1) % 7);
    const std::int64_t cycles400 = days / 146097;
    days %= 146097;
    std::int64_t cycles100 = days / 36524;
    if (cycles100 == 4) cycles100 = 3;  // the last day of a 400-year cycle
    days -= cycles100 * 36524;
    const std::int64_t cycles4 = days / 1461;
    days %= 1461;
    std::int64_t years = days / 365;
    if (years == 4) years = 3;  // the last day of a leap year
    days -= years * 365;
    const auto year =
        static_cast<unsigned>(1601 + cycles400 * 400 + cycles100 * 100 + cycles4 * 4 + years);
    unsigned month = 1;
    while (days >= static_cast<std::int64_t>(days_in_month(year, month))) {
        days -= days_in_month(year, month);
        ++month;
    }
    st.wYear = static_cast<WORD>(year);
    st.wMonth = static_cast<WORD>(month);
    st.wDay = static_cast<WORD>(days + 1);
    st.wMilliseconds = static_cast<WORD>(ms % 1000);
    ms /= 1000;
    st.wSecond = static_cast<WORD>(ms % 60);
    ms /= 60;
    st.wMinute = static_cast<WORD>(ms % 60);
    st.wHour = static_cast<WORD>(ms / 60);
    return st;
}

inline std::int64_t from_filetime(const FILETIME& ft) noexcept {
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(ft.dwHighDateTime) << 32) |
                                     ft.dwLowDateTime);
}
inline FILETIME to_filetime(std::int64_t value) noexcept {
    const auto bits = static_cast<std::uint64_t>(value);
    FILETIME ft;
    ft.dwLowDateTime = static_cast<DWORD>(bits & 0xFFFFFFFFu);
    ft.dwHighDateTime = static_cast<DWORD>(bits >> 32);
    return ft;
}

// The instant in `year` a TIME_ZONE_INFORMATION transition date names, as local time (in 100 ns
// since 1601): either an absolute date (wYear != 0) or "the wDay-th wDayOfWeek of wMonth"
// (wDay 5 = the last).
inline bool transition_local(const SYSTEMTIME& rule, unsigned year, std::int64_t& out) noexcept {
    if (rule.wMonth < 1 || rule.wMonth > 12) return false;
    SYSTEMTIME st = rule;
    if (rule.wYear != 0) {
        if (rule.wYear != year) return false;
    } else {
        st.wYear = static_cast<WORD>(year);
        const unsigned first_dow =
            static_cast<unsigned>((days_since_1601(year, rule.wMonth, 1) + 1) % 7);
        unsigned day = 1 + (rule.wDayOfWeek % 7 + 7 - first_dow) % 7;
        const unsigned week = rule.wDay < 1 ? 1u : (rule.wDay > 5 ? 5u : rule.wDay);
        day += 7 * (week - 1);
        while (day > days_in_month(year, rule.wMonth)) day -= 7;
        st.wDay = static_cast<WORD>(day);
    }
    st.wMilliseconds = st.wMilliseconds < 1000 ? st.wMilliseconds : 0;
    if (st.wHour >= 24 || st.wMinute >= 60 || st.wSecond >= 60 || !valid_system_time(st))
        return false;
    out = system_time_to_filetime(st);
    return true;
}

// Whether a UTC instant falls in the zone's daylight period.
inline bool in_daylight(const TIME_ZONE_INFORMATION& tz, std::int64_t utc) noexcept {
    if (tz.StandardDate.wMonth == 0 || tz.DaylightDate.wMonth == 0) return false;
    const std::int64_t bias_ft = static_cast<std::int64_t>(tz.Bias) * 60 * 10000000LL;
    const std::int64_t standard_ft = static_cast<std::int64_t>(tz.StandardBias) * 60 * 10000000LL;
    const std::int64_t daylight_ft = static_cast<std::int64_t>(tz.DaylightBias) * 60 * 10000000LL;
    const std::int64_t local = utc - bias_ft - standard_ft;
    if (local < 0) return false;
    const unsigned year = filetime_to_system_time(local).wYear;
    std::int64_t start = 0;
    std::int64_t end = 0;
    if (!transition_local(tz.DaylightDate, year, start) ||
        !transition_local(tz.StandardDate, year, end))
        return false;
    start += bias_ft + standard_ft;  // daylight starts at a standard-time wall clock reading
    end += bias_ft + daylight_ft;    // and ends at a daylight-time one
    return start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
}

inline std::int64_t zone_bias_ft(const TIME_ZONE_INFORMATION& tz, bool dst) noexcept {
    return (static_cast<std::int64_t>(tz.Bias) + (dst ? tz.DaylightBias : tz.StandardBias)) * 60 *
           10000000LL;
}

}  // namespace detail

// The clock every time function reads. Real by default; freeze() switches to manual time that
// only advance() and Sleep move. The UTC offset (local = UTC + offset) applies in both modes.
class TestClock {
public:
    // Manual time starting at this UTC instant (throws std::invalid_argument if invalid).
    void freeze(const SYSTEMTIME& utc) {
        if (!detail::valid_system_time(utc))
            throw std::invalid_argument("iisfake::win32::clock().freeze: invalid SYSTEMTIME");
        set_manual(detail::system_time_to_filetime(utc));
    }
    void freeze_at(std::chrono::system_clock::time_point utc) {
        set_manual(
            detail::unix_epoch_as_filetime() +
            std::chrono::duration_cast<detail::filetime_duration>(utc.time_since_epoch()).count());
    }
    // Manual time starting now.
    void freeze() { set_manual(utc_filetime()); }
    // Moves the time of day, the ticks and the performance counter forward (in real mode too,
    // as a skew on top of real time). Negative durations throw std::invalid_argument.
    void advance(std::chrono::milliseconds by) {
        if (by.count() < 0)
            throw std::invalid_argument("iisfake::win32::clock().advance: negative duration");
        std::lock_guard<std::mutex> lock(mutex_);
        const std::int64_t count = by.count();
        const std::int64_t delta = count * detail::filetime_per_ms();
        if (manual_) {
            manual_utc_ += delta;
            manual_ticks_ += delta;
        } else {
            skew_ += delta;
        }
    }
    void set_utc_offset(std::chrono::minutes offset) {
        std::lock_guard<std::mutex> lock(mutex_);
        offset_minutes_ = offset.count();
    }
    std::chrono::minutes utc_offset() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::chrono::minutes(offset_minutes_);
    }
    bool frozen() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return manual_;
    }
    // Back to real time, no skew, offset 0.
    void reset() {
        std::lock_guard<std::mutex> lock(mutex_);
        manual_ = false;
        manual_utc_ = 0;
        manual_ticks_ = 0;
        skew_ = 0;
        offset_minutes_ = 0;
    }

    // The readings (100 ns units): UTC since 1601, and ticks on an arbitrary steady scale.
    std::int64_t utc_filetime() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return manual_ ? manual_utc_ : detail::real_utc_filetime() + skew_;
    }
    std::int64_t ticks() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return manual_ ? manual_ticks_ : detail::real_ticks() + skew_;
    }
    std::int64_t offset_filetime() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return offset_minutes_ * 60 * 10000000LL;
    }

private:
    void set_manual(std::int64_t utc) {
        std::lock_guard<std::mutex> lock(mutex_);
        // Ticks carry on from where they are, so GetTickCount never runs backwards.
        const std::int64_t now_ticks = manual_ ? manual_ticks_ : detail::real_ticks() + skew_;
        manual_ = true;
        manual_utc_ = utc;
        manual_ticks_ = now_ticks;
    }

    mutable std::mutex mutex_;
    bool manual_ = false;
    std::int64_t manual_utc_ = 0;
    std::int64_t manual_ticks_ = 0;
    std::int64_t skew_ = 0;
    std::int64_t offset_minutes_ = 0;
};

inline TestClock& clock() {
    static TestClock instance;
    return instance;
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- ticks and the performance counter ------------------------------------------------------
inline ULONGLONG WINAPI GetTickCount64(VOID) {
    return static_cast<ULONGLONG>(::iisfake::win32::clock().ticks() /
                                  ::iisfake::win32::detail::filetime_per_ms());
}
inline DWORD WINAPI GetTickCount(VOID) {
    return static_cast<DWORD>(GetTickCount64() & 0xFFFFFFFFu);
}

// 10 MHz, as on current Windows.
inline BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER* lpFrequency) {
    if (lpFrequency == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    lpFrequency->QuadPart = 10000000;
    return TRUE;
}
inline BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER* lpPerformanceCount) {
    if (lpPerformanceCount == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    lpPerformanceCount->QuadPart = ::iisfake::win32::clock().ticks();
    return TRUE;
}

// ---- the time of day -----------------------------------------------------------------------
inline VOID WINAPI GetSystemTimeAsFileTime(LPFILETIME lpSystemTimeAsFileTime) {
    if (lpSystemTimeAsFileTime == nullptr) return;
    *lpSystemTimeAsFileTime =
        ::iisfake::win32::detail::to_filetime(::iisfake::win32::clock().utc_filetime());
}
inline VOID WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME lpSystemTimeAsFileTime) {
    GetSystemTimeAsFileTime(lpSystemTimeAsFileTime);
}
inline VOID WINAPI GetSystemTime(LPSYSTEMTIME lpSystemTime) {
    if (lpSystemTime == nullptr) return;
    *lpSystemTime =
        ::iisfake::win32::detail::filetime_to_system_time(::iisfake::win32::clock().utc_filetime());
}
inline VOID WINAPI GetLocalTime(LPSYSTEMTIME lpSystemTime) {
    if (lpSystemTime == nullptr) return;
    std::int64_t local =
        ::iisfake::win32::clock().utc_filetime() + ::iisfake::win32::clock().offset_filetime();
    if (local < 0) local = 0;
    *lpSystemTime = ::iisfake::win32::detail::filetime_to_system_time(local);
}

// ---- conversions ------------------------------------------------------------------------------
// FILETIME values of 0x8000000000000000 and above are invalid (ERROR_INVALID_PARAMETER).
// wDayOfWeek is filled in.
inline BOOL WINAPI FileTimeToSystemTime(const FILETIME* lpFileTime, LPSYSTEMTIME lpSystemTime) {
    if (lpFileTime == nullptr || lpSystemTime == nullptr ||
        ::iisfake::win32::detail::from_filetime(*lpFileTime) < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpSystemTime = ::iisfake::win32::detail::filetime_to_system_time(
        ::iisfake::win32::detail::from_filetime(*lpFileTime));
    return TRUE;
}

inline BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME* lpSystemTime, LPFILETIME lpFileTime) {
    if (lpSystemTime == nullptr || lpFileTime == nullptr ||
        !::iisfake::win32::detail::valid_system_time(*lpSystemTime)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpFileTime = ::iisfake::win32::detail::to_filetime(
        ::iisfake::win32::detail::system_time_to_filetime(*lpSystemTime));
    return TRUE;
}

// The clock's current UTC offset (Windows too uses the current bias, not the one in force at
// the given time).
inline BOOL WINAPI FileTimeToLocalFileTime(const FILETIME* lpFileTime, LPFILETIME lpLocalFileTime) {
    if (lpFileTime == nullptr || lpLocalFileTime == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const std::int64_t value = ::iisfake::win32::detail::from_filetime(*lpFileTime);
    const std::int64_t local = value + ::iisfake::win32::clock().offset_filetime();
    if (value < 0 || local < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpLocalFileTime = ::iisfake::win32::detail::to_filetime(local);
    return TRUE;
}
inline BOOL WINAPI LocalFileTimeToFileTime(const FILETIME* lpLocalFileTime, LPFILETIME lpFileTime) {
    if (lpFileTime == nullptr || lpLocalFileTime == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const std::int64_t value = ::iisfake::win32::detail::from_filetime(*lpLocalFileTime);
    const std::int64_t utc = value - ::iisfake::win32::clock().offset_filetime();
    if (value < 0 || utc < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpFileTime = ::iisfake::win32::detail::to_filetime(utc);
    return TRUE;
}

// -1, 0 or 1.
inline LONG WINAPI CompareFileTime(const FILETIME* lpFileTime1, const FILETIME* lpFileTime2) {
    if (lpFileTime1 == nullptr || lpFileTime2 == nullptr) return 0;
    const auto a = (static_cast<std::uint64_t>(lpFileTime1->dwHighDateTime) << 32) |
                   lpFileTime1->dwLowDateTime;
    const auto b = (static_cast<std::uint64_t>(lpFileTime2->dwHighDateTime) << 32) |
                   lpFileTime2->dwLowDateTime;
    return a < b ? -1 : (a > b ? 1 : 0);
}

// ---- time zones -------------------------------------------------------------------------------
// The clock's zone: a fixed offset without daylight saving, Bias = -offset in minutes.
inline DWORD WINAPI GetTimeZoneInformation(LPTIME_ZONE_INFORMATION lpTimeZoneInformation) {
    if (lpTimeZoneInformation == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return TIME_ZONE_ID_INVALID;
    }
    std::memset(lpTimeZoneInformation, 0, sizeof(TIME_ZONE_INFORMATION));
    const auto offset = ::iisfake::win32::clock().utc_offset().count();
    lpTimeZoneInformation->Bias = static_cast<LONG>(-offset);
    const wchar_t* name = offset == 0 ? L"Coordinated Universal Time" : L"iisfake Standard Time";
    for (std::size_t i = 0; name[i] != L'\0' && i < 31; ++i) {
        lpTimeZoneInformation->StandardName[i] = name[i];
        lpTimeZoneInformation->DaylightName[i] = name[i];
    }
    return TIME_ZONE_ID_UNKNOWN;
}

// NULL for the zone means the clock's zone. Zones with daylight rules (StandardDate and
// DaylightDate both set) apply them, in either the absolute or the day-in-month format.
inline BOOL WINAPI
SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION* lpTimeZoneInformation,
                                const SYSTEMTIME* lpUniversalTime, LPSYSTEMTIME lpLocalTime) {
    if (lpUniversalTime == nullptr || lpLocalTime == nullptr ||
        !::iisfake::win32::detail::valid_system_time(*lpUniversalTime)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    TIME_ZONE_INFORMATION current;
    if (lpTimeZoneInformation == nullptr) {
        GetTimeZoneInformation(&current);
        lpTimeZoneInformation = &current;
    }
    const std::int64_t utc = ::iisfake::win32::detail::system_time_to_filetime(*lpUniversalTime);
    const bool dst = ::iisfake::win32::detail::in_daylight(*lpTimeZoneInformation, utc);
    const std::int64_t local =
        utc - ::iisfake::win32::detail::zone_bias_ft(*lpTimeZoneInformation, dst);
    FILETIME ft = ::iisfake::win32::detail::to_filetime(local);
    if (local < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return FileTimeToSystemTime(&ft, lpLocalTime);
}

inline BOOL WINAPI
TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION* lpTimeZoneInformation,
                                const SYSTEMTIME* lpLocalTime, LPSYSTEMTIME lpUniversalTime) {
    if (lpLocalTime == nullptr || lpUniversalTime == nullptr ||
        !::iisfake::win32::detail::valid_system_time(*lpLocalTime)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    TIME_ZONE_INFORMATION current;
    if (lpTimeZoneInformation == nullptr) {
        GetTimeZoneInformation(&current);
        lpTimeZoneInformation = &current;
    }
    const std::int64_t local = ::iisfake::win32::detail::system_time_to_filetime(*lpLocalTime);
    std::int64_t utc =
        local + ::iisfake::win32::detail::zone_bias_ft(*lpTimeZoneInformation, false);
    if (::iisfake::win32::detail::in_daylight(*lpTimeZoneInformation, utc)) {
        const std::int64_t daylight_utc =
            local + ::iisfake::win32::detail::zone_bias_ft(*lpTimeZoneInformation, true);
        if (::iisfake::win32::detail::in_daylight(*lpTimeZoneInformation, daylight_utc))
            utc = daylight_utc;
    }
    FILETIME ft = ::iisfake::win32::detail::to_filetime(utc);
    if (utc < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return FileTimeToSystemTime(&ft, lpUniversalTime);
}

#endif  // !_WIN32

#endif
