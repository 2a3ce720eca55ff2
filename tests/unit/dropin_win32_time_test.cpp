// Spec T-19: time for module code off Windows: ticks, the performance counter, SYSTEMTIME and
// FILETIME, conversions and time zones, all read from iisfake::win32::clock().
#include <windows.h>  // as a module source does; the drop-in brings the part

#include <iisfake/win32.hpp>  // the state a test reads

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "catch.hpp"

namespace {

SYSTEMTIME make_time(WORD year, WORD month, WORD day, WORD hour = 0, WORD minute = 0,
                     WORD second = 0, WORD ms = 0) {
    SYSTEMTIME st = {};
    st.wYear = year;
    st.wMonth = month;
    st.wDay = day;
    st.wHour = hour;
    st.wMinute = minute;
    st.wSecond = second;
    st.wMilliseconds = ms;
    return st;
}

std::uint64_t as_u64(const FILETIME& ft) {
    return (static_cast<std::uint64_t>(ft.dwHighDateTime) << 32) | ft.dwLowDateTime;
}

FILETIME from_u64(std::uint64_t value) {
    FILETIME ft;
    ft.dwLowDateTime = static_cast<DWORD>(value & 0xFFFFFFFFu);
    ft.dwHighDateTime = static_cast<DWORD>(value >> 32);
    return ft;
}

bool same_time(const SYSTEMTIME& a, const SYSTEMTIME& b) {
    return a.wYear == b.wYear && a.wMonth == b.wMonth && a.wDay == b.wDay && a.wHour == b.wHour &&
           a.wMinute == b.wMinute && a.wSecond == b.wSecond && a.wMilliseconds == b.wMilliseconds;
}

struct ClockReset {
    ~ClockReset() { iisfake::win32::clock().reset(); }
};

// US Pacific: UTC-8, daylight from the second Sunday of March 2:00 to the first Sunday of
// November 2:00.
TIME_ZONE_INFORMATION pacific() {
    TIME_ZONE_INFORMATION tz = {};
    tz.Bias = 480;
    tz.StandardBias = 0;
    tz.DaylightBias = -60;
    tz.StandardDate = make_time(0, 11, 1, 2);
    tz.StandardDate.wDayOfWeek = 0;
    tz.DaylightDate = make_time(0, 3, 2, 2);
    tz.DaylightDate.wDayOfWeek = 0;
    return tz;
}

// Sydney: UTC+10, daylight from the first Sunday of October 2:00 to the first Sunday of April 3:00.
TIME_ZONE_INFORMATION sydney() {
    TIME_ZONE_INFORMATION tz = {};
    tz.Bias = -600;
    tz.DaylightBias = -60;
    tz.StandardDate = make_time(0, 4, 1, 3);
    tz.DaylightDate = make_time(0, 10, 1, 2);
    return tz;
}

}  // namespace

TEST_CASE("SystemTimeToFileTime: 100 ns since 1601-01-01 UTC", "[win32][T-19]") {
    FILETIME ft = {};
    SYSTEMTIME st = make_time(1601, 1, 1);
    REQUIRE(SystemTimeToFileTime(&st, &ft) == TRUE);
    CHECK(as_u64(ft) == 0u);
    st = make_time(1970, 1, 1);
    REQUIRE(SystemTimeToFileTime(&st, &ft) == TRUE);
    CHECK(as_u64(ft) == 116444736000000000ull);
    st = make_time(2000, 2, 29, 12, 34, 56, 789);
    st.wDayOfWeek = 6;  // ignored
    REQUIRE(SystemTimeToFileTime(&st, &ft) == TRUE);
    CHECK(as_u64(ft) == 125963012967890000ull);
    st = make_time(30827, 12, 31, 23, 59, 59, 999);
    CHECK(SystemTimeToFileTime(&st, &ft) == TRUE);
}

TEST_CASE("SystemTimeToFileTime: invalid fields fail with ERROR_INVALID_PARAMETER",
          "[win32][T-19]") {
    const SYSTEMTIME bad[] = {make_time(2023, 2, 29),
                              make_time(1900, 2, 29),
                              make_time(1600, 12, 31),
                              make_time(2024, 13, 1),
                              make_time(2024, 0, 1),
                              make_time(2024, 4, 31),
                              make_time(2024, 1, 0),
                              make_time(2024, 1, 1, 24),
                              make_time(2024, 1, 1, 0, 60),
                              make_time(2024, 1, 1, 0, 0, 60),
                              make_time(2024, 1, 1, 0, 0, 0, 1000),
                              make_time(30828, 1, 1)};
    for (const SYSTEMTIME& st : bad) {
        FILETIME ft = {};
        SetLastError(0);
        CHECK(SystemTimeToFileTime(&st, &ft) == FALSE);
        CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    }
    const SYSTEMTIME leap = make_time(2000, 2, 29);
    FILETIME ft = {};
    CHECK(SystemTimeToFileTime(&leap, &ft) == TRUE);
    CHECK(SystemTimeToFileTime(NULL, &ft) == FALSE);
    CHECK(SystemTimeToFileTime(&leap, NULL) == FALSE);
}

TEST_CASE("FileTimeToSystemTime: fields, wDayOfWeek, round trips, the top bit", "[win32][T-19]") {
    SYSTEMTIME st = {};
    FILETIME ft = from_u64(125963012967890000ull);
    REQUIRE(FileTimeToSystemTime(&ft, &st) == TRUE);
    CHECK(same_time(st, make_time(2000, 2, 29, 12, 34, 56, 789)));
    CHECK(st.wDayOfWeek == 2);  // a Tuesday
    ft = from_u64(0);
    REQUIRE(FileTimeToSystemTime(&ft, &st) == TRUE);
    CHECK(same_time(st, make_time(1601, 1, 1)));
    CHECK(st.wDayOfWeek == 1);  // a Monday

    // Every day across leap years and century boundaries round-trips and steps the weekday.
    SYSTEMTIME start = make_time(1899, 12, 25);
    FILETIME start_ft = {};
    REQUIRE(SystemTimeToFileTime(&start, &start_ft) == TRUE);
    WORD previous_dow = 1;  // 1899-12-25 was a Monday
    bool all_ok = true;
    for (std::uint64_t day = 0; day < 366u * 410u; day += 1) {
        FILETIME each = from_u64(as_u64(start_ft) + day * 864000000000ull + 123456789u);
        SYSTEMTIME out = {};
        FILETIME back = {};
        if (!FileTimeToSystemTime(&each, &out) || !SystemTimeToFileTime(&out, &back) ||
            as_u64(back) != as_u64(each) - 6789u ||  // the 100-ns units below 1 ms are dropped
            (day > 0 && out.wDayOfWeek != (previous_dow + 1) % 7)) {
            all_ok = false;
            break;
        }
        previous_dow = out.wDayOfWeek;
    }
    CHECK(all_ok);

    ft = from_u64(0x7FFFFFFFFFFFFFFFull);
    CHECK(FileTimeToSystemTime(&ft, &st) == TRUE);
    CHECK(st.wYear == 30828);
    ft = from_u64(0x8000000000000000ull);
    SetLastError(0);
    CHECK(FileTimeToSystemTime(&ft, &st) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(FileTimeToSystemTime(NULL, &st) == FALSE);
}

TEST_CASE("CompareFileTime", "[win32][T-19]") {
    const FILETIME a = from_u64(5);
    const FILETIME b = from_u64(0x100000000ull);
    CHECK(CompareFileTime(&a, &b) == -1);
    CHECK(CompareFileTime(&b, &a) == 1);
    CHECK(CompareFileTime(&a, &a) == 0);
}

TEST_CASE("clock().freeze: GetSystemTime, GetLocalTime, GetTickCount64, QueryPerformanceCounter",
          "[win32][T-19]") {
    ClockReset restore;
    iisfake::win32::clock().freeze(make_time(2026, 12, 31, 23, 59, 59, 500));
    CHECK(iisfake::win32::clock().frozen());
    SYSTEMTIME st = {};
    GetSystemTime(&st);
    CHECK(same_time(st, make_time(2026, 12, 31, 23, 59, 59, 500)));
    CHECK(st.wDayOfWeek == 4);
    GetLocalTime(&st);  // offset 0 by default, whatever the machine's zone
    CHECK(same_time(st, make_time(2026, 12, 31, 23, 59, 59, 500)));

    const ULONGLONG ticks = GetTickCount64();
    const DWORD ticks32 = GetTickCount();
    LARGE_INTEGER frequency = {};
    LARGE_INTEGER counter = {};
    REQUIRE(QueryPerformanceFrequency(&frequency) == TRUE);
    CHECK(frequency.QuadPart == 10000000);
    REQUIRE(QueryPerformanceCounter(&counter) == TRUE);
    CHECK(GetTickCount64() == ticks);  // frozen

    iisfake::win32::clock().advance(std::chrono::milliseconds(1500));
    GetSystemTime(&st);
    CHECK(same_time(st, make_time(2027, 1, 1, 0, 0, 1, 0)));
    CHECK(GetTickCount64() == ticks + 1500);
    const DWORD expected32 = ticks32 + 1500u;
    CHECK(GetTickCount() == expected32);
    LARGE_INTEGER later = {};
    QueryPerformanceCounter(&later);
    CHECK(later.QuadPart - counter.QuadPart == 15000000);
    FILETIME ft = {};
    GetSystemTimeAsFileTime(&ft);
    FILETIME precise = {};
    GetSystemTimePreciseAsFileTime(&precise);
    CHECK(CompareFileTime(&ft, &precise) == 0);
    SYSTEMTIME from_ft = {};
    FileTimeToSystemTime(&ft, &from_ft);
    CHECK(same_time(from_ft, make_time(2027, 1, 1, 0, 0, 1, 0)));

    iisfake::win32::clock().set_utc_offset(std::chrono::minutes(-330));
    GetLocalTime(&st);
    CHECK(same_time(st, make_time(2026, 12, 31, 18, 30, 1, 0)));
    FILETIME local = {};
    REQUIRE(FileTimeToLocalFileTime(&ft, &local) == TRUE);
    CHECK(as_u64(ft) - as_u64(local) == 330ull * 60u * 10000000u);
    FILETIME back = {};
    REQUIRE(LocalFileTimeToFileTime(&local, &back) == TRUE);
    CHECK(as_u64(back) == as_u64(ft));
    TIME_ZONE_INFORMATION tz = {};
    CHECK(GetTimeZoneInformation(&tz) == TIME_ZONE_ID_UNKNOWN);
    CHECK(tz.Bias == 330);

    CHECK_THROWS_AS(iisfake::win32::clock().freeze(make_time(2026, 2, 30)), std::invalid_argument);
    CHECK_THROWS_AS(iisfake::win32::clock().advance(std::chrono::milliseconds(-1)),
                    std::invalid_argument);
}

TEST_CASE("clock().freeze_at and reset: back to real time", "[win32][T-19]") {
    ClockReset restore;
    const ULONGLONG before = GetTickCount64();
    iisfake::win32::clock().freeze_at(std::chrono::system_clock::time_point() +
                                      std::chrono::seconds(86400));
    SYSTEMTIME st = {};
    GetSystemTime(&st);
    CHECK(same_time(st, make_time(1970, 1, 2)));
    CHECK(GetTickCount64() >= before);  // ticks carry on, never backwards
    iisfake::win32::clock().reset();
    CHECK_FALSE(iisfake::win32::clock().frozen());
    FILETIME ft = {};
    GetSystemTimeAsFileTime(&ft);
    const auto real = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    const auto ours = static_cast<long long>((as_u64(ft) - 116444736000000000ull) / 10000000u);
    CHECK(ours - real <= 1);
    CHECK(real - ours <= 1);
    const ULONGLONG t1 = GetTickCount64();
    iisfake::win32::clock().advance(std::chrono::milliseconds(10000));  // a skew in real mode
    CHECK(GetTickCount64() - t1 >= 10000u);
}

TEST_CASE("SystemTimeToTzSpecificLocalTime / TzSpecificLocalTimeToSystemTime: bias and daylight",
          "[win32][T-19]") {
    ClockReset restore;
    const TIME_ZONE_INFORMATION la = pacific();
    SYSTEMTIME local = {};
    SYSTEMTIME utc = make_time(2026, 7, 1, 12);
    REQUIRE(SystemTimeToTzSpecificLocalTime(&la, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 7, 1, 5)));
    utc = make_time(2026, 1, 15, 12);
    REQUIRE(SystemTimeToTzSpecificLocalTime(&la, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 1, 15, 4)));
    // 2026-03-08 is the second Sunday of March: 2:00 PST = 10:00 UTC.
    utc = make_time(2026, 3, 8, 9, 59);
    REQUIRE(SystemTimeToTzSpecificLocalTime(&la, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 3, 8, 1, 59)));
    utc = make_time(2026, 3, 8, 10, 0);
    REQUIRE(SystemTimeToTzSpecificLocalTime(&la, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 3, 8, 3, 0)));

    SYSTEMTIME back = {};
    local = make_time(2026, 7, 1, 5);
    REQUIRE(TzSpecificLocalTimeToSystemTime(&la, &local, &back) == TRUE);
    CHECK(same_time(back, make_time(2026, 7, 1, 12)));
    local = make_time(2026, 12, 24, 18);
    REQUIRE(TzSpecificLocalTimeToSystemTime(&la, &local, &back) == TRUE);
    CHECK(same_time(back, make_time(2026, 12, 25, 2)));

    const TIME_ZONE_INFORMATION syd = sydney();
    utc = make_time(2026, 1, 15, 0);
    REQUIRE(SystemTimeToTzSpecificLocalTime(&syd, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 1, 15, 11)));
    utc = make_time(2026, 7, 1, 0);
    REQUIRE(SystemTimeToTzSpecificLocalTime(&syd, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 7, 1, 10)));

    // NULL: the clock's zone.
    iisfake::win32::clock().set_utc_offset(std::chrono::minutes(60));
    utc = make_time(2026, 7, 1, 23, 30);
    REQUIRE(SystemTimeToTzSpecificLocalTime(NULL, &utc, &local) == TRUE);
    CHECK(same_time(local, make_time(2026, 7, 2, 0, 30)));
    CHECK(local.wDayOfWeek == 4);
    REQUIRE(TzSpecificLocalTimeToSystemTime(NULL, &local, &back) == TRUE);
    CHECK(same_time(back, utc));

    SYSTEMTIME invalid = make_time(2026, 2, 29);
    SetLastError(0);
    CHECK(SystemTimeToTzSpecificLocalTime(&la, &invalid, &local) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(TzSpecificLocalTimeToSystemTime(&la, &invalid, &local) == FALSE);
}

TEST_CASE("GetTimeZoneInformation: UTC by default, never the machine's zone", "[win32][T-19]") {
    ClockReset restore;
    TIME_ZONE_INFORMATION tz;
    tz.Bias = 12345;
    CHECK(GetTimeZoneInformation(&tz) == TIME_ZONE_ID_UNKNOWN);
    CHECK(tz.Bias == 0);
    CHECK(tz.StandardBias == 0);
    CHECK(tz.StandardDate.wMonth == 0);
    CHECK(std::wstring(tz.StandardName) == L"Coordinated Universal Time");
    CHECK(GetTimeZoneInformation(NULL) == TIME_ZONE_ID_INVALID);
}
