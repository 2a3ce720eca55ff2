// 090: a handler that writes a whole response through IHttpContext, as a module's
// OnExecuteRequestHandler does: status, headers (two Set-Cookie lines), and a body passed by
// reference from request memory. One FakeHttpContext runs it; the test reads what the client
// received and the calls the module made.

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

HRESULT SetHeaderText(IHttpResponse* pResponse, PCSTR pszName, PCSTR pszValue, BOOL fReplace) {
    return pResponse->SetHeader(pszName, pszValue, static_cast<USHORT>(strlen(pszValue)), fReplace);
}

// Answers GET /hello?name=... with a small JSON document.
REQUEST_NOTIFICATION_STATUS ServeHello(IHttpContext* pHttpContext) {
    IHttpResponse* pResponse = pHttpContext->GetResponse();
    PCSTR pszQuery = NULL;
    DWORD cchQuery = 0;
    std::string name = "world";
    if (SUCCEEDED(pHttpContext->GetServerVariable("QUERY_STRING", &pszQuery, &cchQuery)) &&
        cchQuery > 5 && strncmp(pszQuery, "name=", 5) == 0) {
        name.assign(pszQuery + 5, cchQuery - 5);
    }

    // The body must outlive this call: IIS reads it when the response is sent.
    char szBody[128];
    const int cchBody = snprintf(szBody, sizeof(szBody), "{\"hello\":\"%s\"}", name.c_str());
    if (cchBody < 0 || static_cast<size_t>(cchBody) >= sizeof(szBody)) {
        pResponse->SetStatus(414, "Request-URI Too Long");
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
    void* pvBody = pHttpContext->AllocateRequestMemory(static_cast<DWORD>(cchBody));
    if (pvBody == NULL) {
        pResponse->SetStatus(500, "Server Error", 0, E_OUTOFMEMORY);
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
    memcpy(pvBody, szBody, static_cast<size_t>(cchBody));

    pResponse->Clear();
    HRESULT hr = pResponse->SetStatus(200, "OK");
    if (SUCCEEDED(hr)) hr = SetHeaderText(pResponse, "Content-Type", "application/json", TRUE);
    if (SUCCEEDED(hr)) hr = SetHeaderText(pResponse, "Set-Cookie", "seen=1; HttpOnly", TRUE);
    if (SUCCEEDED(hr)) hr = SetHeaderText(pResponse, "Set-Cookie", "lang=en", FALSE);
    HTTP_DATA_CHUNK chunk;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = pvBody;
    chunk.FromMemory.BufferLength = static_cast<ULONG>(cchBody);
    if (SUCCEEDED(hr)) hr = pResponse->WriteEntityChunkByReference(&chunk);
    if (FAILED(hr)) {
        pResponse->SetStatus(500, "Server Error", 0, hr);
    }
    return RQ_NOTIFICATION_FINISH_REQUEST;
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("the handler answers with status, headers and a JSON body", "[example][090]") {
    iisfake::FakeHttpContext context(iisfake::RequestBuilder().url("/hello?name=iis"));
    context.options().strict_request_memory = true;  // by-reference bodies must be request memory

    CHECK(ServeHello(&context) == RQ_NOTIFICATION_FINISH_REQUEST);
    context.end_request();  // IIS sends what is buffered once the request ends

    const iisfake::FakeHttpResponse& response = context.response();
    CHECK(response.sent_status() == 200);
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.header_values("Set-Cookie") ==
          std::vector<std::string>{"seen=1; HttpOnly", "lang=en"});  // two lines, not one
    CHECK(response.body() == "{\"hello\":\"iis\"}");
    CHECK(context.misuses().empty());
}

TEST_CASE("the calls come in the module's order, across context and response", "[example][090]") {
    iisfake::FakeHttpContext context;
    ServeHello(&context);
    std::vector<iisfake::Method> methods;
    for (const iisfake::Call& call : context.calls())
        if (call.on == iisfake::On::response) methods.push_back(call.method);
    using iisfake::Method;
    CHECK(methods == std::vector<Method>{Method::Clear, Method::SetStatus, Method::SetHeader,
                                         Method::SetHeader, Method::SetHeader,
                                         Method::WriteEntityChunkByReference});
}

TEST_CASE("out of request memory, the handler answers 500", "[example][090]") {
    iisfake::FakeHttpContext context;
    context.set_request_memory_limit(4);  // AllocateRequestMemory returns NULL past 4 bytes
    ServeHello(&context);
    context.end_request();
    CHECK(context.response().sent_status() == 500);
    CHECK(context.response().error_to_report() == E_OUTOFMEMORY);
}

TEST_CASE("a header the client's data makes too long fails the call, not the test",
          "[example][090]") {
    iisfake::FakeHttpContext context;
    context.response().fail(iisfake::Method::SetHeader,
                            HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY));
    ServeHello(&context);
    context.end_request();
    CHECK(context.response().sent_status() == 500);
    CHECK(context.response().body().empty());
}
