// Spec T-19: the event log module code writes to off Windows, recorded for tests.
#include <windows.h>  // as a module source does; the drop-in brings the part

#include <iisfake/win32.hpp>  // the state a test reads

#include <string>
#include <vector>

#include "catch.hpp"

namespace {

struct EventLogReset {
    ~EventLogReset() { iisfake::win32::reset_event_log(); }
};

}  // namespace

TEST_CASE("RegisterEventSourceA / ReportEventA / DeregisterEventSource: recorded",
          "[win32][T-19]") {
    EventLogReset restore;
    iisfake::win32::reset_event_log();
    HANDLE source = RegisterEventSourceA(NULL, "MyModule");
    REQUIRE(source != nullptr);
    CHECK(iisfake::win32::open_event_sources() == std::vector<std::string>{"MyModule"});
    LPCSTR strings[2] = {"first", "second \xc3\xa9"};
    unsigned char data[3] = {1, 2, 3};
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 7, 1001, NULL, 2, 3, strings, data) == TRUE);
    CHECK(ReportEventA(source, EVENTLOG_INFORMATION_TYPE, 0, 5, NULL, 0, 0, NULL, NULL) == TRUE);
    const std::vector<iisfake::win32::EventRecord> log = iisfake::win32::event_log();
    REQUIRE(log.size() == 2);
    CHECK(log[0].source == "MyModule");
    CHECK(log[0].type == EVENTLOG_ERROR_TYPE);
    CHECK(log[0].category == 7);
    CHECK(log[0].event_id == 1001);
    CHECK(log[0].strings == std::vector<std::string>{"first", "second \xc3\xa9"});
    CHECK(log[0].data == std::vector<unsigned char>{1, 2, 3});
    CHECK_FALSE(log[0].wide);
    CHECK(log[1].type == EVENTLOG_INFORMATION_TYPE);
    CHECK(log[1].strings.empty());
    CHECK(log[1].data.empty());

    CHECK(DeregisterEventSource(source) == TRUE);
    CHECK(iisfake::win32::open_event_sources().empty());
    SetLastError(0);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 0, 0, NULL, NULL) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE);
    SetLastError(0);
    CHECK(DeregisterEventSource(source) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE);
    CHECK(ReportEventA(NULL, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 0, 0, NULL, NULL) == FALSE);
    iisfake::win32::clear_event_log();
    CHECK(iisfake::win32::event_log().empty());
}

TEST_CASE("ReportEventW: wide strings as UTF-8, and the EVENTLOG constants", "[win32][T-19]") {
    EventLogReset restore;
    HANDLE source = RegisterEventSourceW(NULL, L"W\u00fcrfel");
    REQUIRE(source != nullptr);
    LPCWSTR strings[1] = {L"caf\u00e9 \U0001F600"};
    CHECK(ReportEventW(source, EVENTLOG_WARNING_TYPE, 1, 2, NULL, 1, 0, strings, NULL) == TRUE);
    const std::vector<iisfake::win32::EventRecord> log = iisfake::win32::event_log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].source == "W\xc3\xbcrfel");
    CHECK(log[0].strings == std::vector<std::string>{"caf\xc3\xa9 \xf0\x9f\x98\x80"});
    CHECK(log[0].wide);
    CHECK(EVENTLOG_SUCCESS == 0);
    CHECK(EVENTLOG_ERROR_TYPE == 1);
    CHECK(EVENTLOG_WARNING_TYPE == 2);
    CHECK(EVENTLOG_INFORMATION_TYPE == 4);
    CHECK(EVENTLOG_AUDIT_SUCCESS == 8);
    CHECK(EVENTLOG_AUDIT_FAILURE == 16);
    CHECK(DeregisterEventSource(source) == TRUE);
}

TEST_CASE("ReportEventA / RegisterEventSourceA: wide strings too, NULL and 0 stay unambiguous",
          "[win32][T-19]") {
    EventLogReset restore;
    HANDLE source = RegisterEventSourceA(NULL, L"WideSource");
    REQUIRE(source != nullptr);
    HANDLE both_wide = RegisterEventSourceA(L"\\\\server", L"Other");
    REQUIRE(both_wide != nullptr);
    HANDLE narrow_in_wide = RegisterEventSourceW(0, "NarrowSource");
    REQUIRE(narrow_in_wide != nullptr);
    CHECK(iisfake::win32::open_event_sources() ==
          std::vector<std::string>{"WideSource", "Other", "NarrowSource"});

    LPCWSTR wide_const[1] = {L"const wide"};
    LPWSTR wide_mutable[1] = {const_cast<LPWSTR>(L"mutable wide")};
    LPSTR narrow_mutable[1] = {const_cast<LPSTR>("mutable narrow")};
    LPCSTR narrow_const[1] = {"const narrow"};
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 1, 0, wide_const, NULL) == TRUE);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 2, NULL, 1, 0, wide_mutable, NULL) == TRUE);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 3, nullptr, 1, 0, narrow_mutable, nullptr) ==
          TRUE);
    CHECK(ReportEventW(narrow_in_wide, EVENTLOG_ERROR_TYPE, 0, 4, NULL, 1, 0, narrow_const, NULL) ==
          TRUE);
    CHECK(ReportEventW(narrow_in_wide, EVENTLOG_ERROR_TYPE, 0, 5, 0, 0, 0, NULL, 0) == TRUE);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 6, 0, 0, 0, 0, 0) == TRUE);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 7, nullptr, 0, 0, nullptr, nullptr) == TRUE);
    const std::vector<iisfake::win32::EventRecord> log = iisfake::win32::event_log();
    REQUIRE(log.size() == 7);
    CHECK(log[0].source == "WideSource");
    CHECK(log[0].strings == std::vector<std::string>{"const wide"});
    CHECK(log[0].wide);
    CHECK(log[1].strings == std::vector<std::string>{"mutable wide"});
    CHECK(log[2].strings == std::vector<std::string>{"mutable narrow"});
    CHECK_FALSE(log[2].wide);
    CHECK(log[3].source == "NarrowSource");
    CHECK(log[3].strings == std::vector<std::string>{"const narrow"});
    CHECK(log[3].wide);  // through ReportEventW

    // The unsuffixed names follow UNICODE (not defined here).
    HANDLE plain = RegisterEventSource(NULL, "Plain");
    LPCSTR plain_strings[1] = {"x"};
    CHECK(ReportEvent(plain, EVENTLOG_SUCCESS, 0, 8, NULL, 1, 0, plain_strings, NULL) == TRUE);
    CHECK(DeregisterEventSource(plain) == TRUE);
    CHECK(DeregisterEventSource(source) == TRUE);
    CHECK(DeregisterEventSource(both_wide) == TRUE);
    CHECK(DeregisterEventSource(narrow_in_wide) == TRUE);
}

TEST_CASE("ReportEventA: bad arguments fail with ERROR_INVALID_PARAMETER", "[win32][T-19]") {
    EventLogReset restore;
    SetLastError(0);
    CHECK(RegisterEventSourceA(NULL, NULL) == nullptr);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    HANDLE source = RegisterEventSourceA(NULL, "Src");
    SetLastError(0);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 2, 0, NULL, NULL) == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    LPCSTR with_null[2] = {"ok", NULL};
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 2, 0, with_null, NULL) == FALSE);
    CHECK(ReportEventA(source, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 0, 4, NULL, NULL) == FALSE);
    CHECK(iisfake::win32::event_log().empty());
    DeregisterEventSource(source);
}
