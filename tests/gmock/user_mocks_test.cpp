// Issue 10 item 7: gMock mocks of the whole IHttpContext, IHttpResponse and IHttpServer, written as
// a module's existing test suite writes them (every method, `override`, no iisfake type), compile
// against the drop-in <httpserv.h> and dispatch through interface pointers the way module code
// calls them, default arguments included (T-1). A signature, const-ness or order that differs
// from the SDK's breaks this file at compile time or one of its checks at run time.

#include <windows.h>
#include <httpserv.h>

#include <type_traits>

#include <gmock/gmock.h>

#include "catch.hpp"

namespace {

class MockHttpContext : public IHttpContext {
public:
    MOCK_METHOD(IHttpSite*, GetSite, (), (override));
    MOCK_METHOD(IHttpApplication*, GetApplication, (), (override));
    MOCK_METHOD(IHttpConnection*, GetConnection, (), (override));
    MOCK_METHOD(IHttpRequest*, GetRequest, (), (override));
    MOCK_METHOD(IHttpResponse*, GetResponse, (), (override));
    MOCK_METHOD(BOOL, GetResponseHeadersSent, (), (const, override));
    MOCK_METHOD(IHttpUser*, GetUser, (), (const, override));
    MOCK_METHOD(IHttpModuleContextContainer*, GetModuleContextContainer, (), (override));
    MOCK_METHOD(VOID, IndicateCompletion, (REQUEST_NOTIFICATION_STATUS notificationStatus),
                (override));
    MOCK_METHOD(HRESULT, PostCompletion, (DWORD cbBytes), (override));
    MOCK_METHOD(VOID, DisableNotifications, (DWORD dwNotifications, DWORD dwPostNotifications),
                (override));
    MOCK_METHOD(BOOL, GetNextNotification,
                (REQUEST_NOTIFICATION_STATUS status, DWORD* pdwNotification,
                 BOOL* pfIsPostNotification, CHttpModule** ppModuleInfo,
                 IHttpEventProvider** ppRequestOutput),
                (override));
    MOCK_METHOD(BOOL, GetIsLastNotification, (REQUEST_NOTIFICATION_STATUS status), (override));
    MOCK_METHOD(HRESULT, ExecuteRequest,
                (BOOL fAsync, IHttpContext* pHttpContext, DWORD dwExecuteFlags,
                 IHttpUser* pHttpUser, BOOL* pfCompletionExpected),
                (override));
    MOCK_METHOD(DWORD, GetExecuteFlags, (), (const, override));
    MOCK_METHOD(HRESULT, GetServerVariable,
                (PCSTR pszVariableName, PCWSTR* ppszValue, DWORD* pcchValueLength), (override));
    MOCK_METHOD(HRESULT, GetServerVariable,
                (PCSTR pszVariableName, PCSTR* ppszValue, DWORD* pcchValueLength), (override));
    MOCK_METHOD(HRESULT, SetServerVariable, (PCSTR pszVariableName, PCWSTR pszVariableValue),
                (override));
    MOCK_METHOD(VOID*, AllocateRequestMemory, (DWORD cbAllocation), (override));
    MOCK_METHOD(IHttpUrlInfo*, GetUrlInfo, (), (override));
    MOCK_METHOD(IMetadataInfo*, GetMetadata, (), (override));
    MOCK_METHOD(PCWSTR, GetPhysicalPath, (DWORD * pcchPhysicalPath), (override));
    MOCK_METHOD(PCWSTR, GetScriptName, (DWORD * pcchScriptName), (const, override));
    MOCK_METHOD(PCWSTR, GetScriptTranslated, (DWORD * pcchScriptTranslated), (override));
    MOCK_METHOD(IScriptMapInfo*, GetScriptMap, (), (const, override));
    MOCK_METHOD(VOID, SetRequestHandled, (), (override));
    MOCK_METHOD(IHttpFileInfo*, GetFileInfo, (), (const, override));
    MOCK_METHOD(HRESULT, MapPath, (PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD* pcbPhysicalPath),
                (override));
    MOCK_METHOD(HRESULT, NotifyCustomNotification,
                (ICustomNotificationProvider * pCustomOutput, BOOL* pfCompletionExpected),
                (override));
    MOCK_METHOD(IHttpContext*, GetParentContext, (), (const, override));
    MOCK_METHOD(IHttpContext*, GetRootContext, (), (const, override));
    MOCK_METHOD(HRESULT, CloneContext, (DWORD dwCloneFlags, IHttpContext** ppHttpContext),
                (override));
    MOCK_METHOD(HRESULT, ReleaseClonedContext, (), (override));
    MOCK_METHOD(HRESULT, GetCurrentExecutionStats,
                (DWORD * pdwNotification, DWORD* pdwNotificationStartTickCount, PCWSTR* ppszModule,
                 DWORD* pdwModuleStartTickCount, DWORD* pdwAsyncNotification,
                 DWORD* pdwAsyncNotificationStartTickCount),
                (const, override));
    MOCK_METHOD(IHttpTraceContext*, GetTraceContext, (), (const, override));
    MOCK_METHOD(HRESULT, GetServerVarChanges,
                (DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber, DWORD* pdwVariableSnapshot,
                 PCSTR** ppVariableNameSnapshot, PCWSTR** ppVariableValueSnapshot,
                 DWORD* pdwDiffedVariables, DWORD** ppDiffedVariableIndices),
                (override));
    MOCK_METHOD(HRESULT, CancelIo, (), (override));
    MOCK_METHOD(HRESULT, MapHandler,
                (DWORD dwSiteId, PCWSTR pszSiteName, PCWSTR pszUrl, PCSTR pszVerb,
                 IScriptMapInfo** ppScriptMap, BOOL fIgnoreWildcardMappings),
                (override));
    MOCK_METHOD(HRESULT, GetExtendedInterface,
                (HTTP_CONTEXT_INTERFACE_VERSION version, PVOID* ppInterface), (override));
};

class MockHttpResponse : public IHttpResponse {
public:
    MOCK_METHOD(HTTP_RESPONSE*, GetRawHttpResponse, (), (override));
    MOCK_METHOD(const HTTP_RESPONSE*, GetRawHttpResponse, (), (const, override));
    MOCK_METHOD(IHttpCachePolicy*, GetCachePolicy, (), (override));
    MOCK_METHOD(HRESULT, SetStatus,
                (USHORT statusCode, PCSTR pszReason, USHORT uSubStatus, HRESULT hrErrorToReport,
                 IAppHostConfigException* pException, BOOL fTrySkipCustomErrors),
                (override));
    MOCK_METHOD(HRESULT, SetHeader,
                (PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace),
                (override));
    MOCK_METHOD(HRESULT, SetHeader,
                (HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                 BOOL fReplace),
                (override));
    MOCK_METHOD(HRESULT, DeleteHeader, (PCSTR pszHeaderName), (override));
    MOCK_METHOD(HRESULT, DeleteHeader, (HTTP_HEADER_ID ulHeaderIndex), (override));
    MOCK_METHOD(PCSTR, GetHeader, (PCSTR pszHeaderName, USHORT* pcchHeaderValue),
                (const, override));
    MOCK_METHOD(PCSTR, GetHeader, (HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue),
                (const, override));
    MOCK_METHOD(VOID, Clear, (), (override));
    MOCK_METHOD(VOID, ClearHeaders, (), (override));
    MOCK_METHOD(VOID, SetNeedDisconnect, (), (override));
    MOCK_METHOD(VOID, ResetConnection, (), (override));
    MOCK_METHOD(VOID, DisableKernelCache, (ULONG reason), (override));
    MOCK_METHOD(BOOL, GetKernelCacheEnabled, (), (const, override));
    MOCK_METHOD(VOID, SuppressHeaders, (), (override));
    MOCK_METHOD(BOOL, GetHeadersSuppressed, (), (const, override));
    MOCK_METHOD(HRESULT, Flush,
                (BOOL fAsync, BOOL fMoreData, DWORD* pcbSent, BOOL* pfCompletionExpected),
                (override));
    MOCK_METHOD(HRESULT, Redirect, (PCSTR pszUrl, BOOL fResetStatusCode, BOOL fIncludeParameters),
                (override));
    MOCK_METHOD(HRESULT, WriteEntityChunkByReference,
                (HTTP_DATA_CHUNK * pDataChunk, LONG lInsertPosition), (override));
    MOCK_METHOD(HRESULT, WriteEntityChunks,
                (HTTP_DATA_CHUNK * pDataChunks, DWORD nChunks, BOOL fAsync, BOOL fMoreData,
                 DWORD* pcbSent, BOOL* pfCompletionExpected),
                (override));
    MOCK_METHOD(VOID, DisableBuffering, (), (override));
    MOCK_METHOD(VOID, GetStatus,
                (USHORT * pStatusCode, USHORT* pSubStatus, PCSTR* ppszReason, USHORT* pcchReason,
                 HRESULT* phrErrorToReport, PCWSTR* ppszModule, DWORD* pdwNotification,
                 IAppHostConfigException** ppException, BOOL* pfTrySkipCustomErrors),
                (override));
    MOCK_METHOD(HRESULT, SetErrorDescription,
                (PCWSTR pszDescription, DWORD cchDescription, BOOL fHtmlEncode), (override));
    MOCK_METHOD(PCWSTR, GetErrorDescription, (DWORD * pcchDescription), (override));
    MOCK_METHOD(HRESULT, GetHeaderChanges,
                (DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber, PCSTR* knownHeaderSnapshot,
                 DWORD* pdwUnknownHeaderSnapshot, PCSTR** ppUnknownHeaderNameSnapshot,
                 PCSTR** ppUnknownHeaderValueSnapshot, DWORD* diffedKnownHeaderIndices,
                 DWORD* pdwDiffedUnknownHeaders, DWORD** ppDiffedUnknownHeaderIndices),
                (override));
    MOCK_METHOD(VOID, CloseConnection, (), (override));
};

class MockHttpServer : public IHttpServer {
public:
    MOCK_METHOD(BOOL, IsCommandLineLaunch, (), (const, override));
    MOCK_METHOD(PCWSTR, GetAppPoolName, (), (const, override));
    MOCK_METHOD(HRESULT, AssociateWithThreadPool,
                (HANDLE hHandle, LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine), (override));
    MOCK_METHOD(VOID, IncrementThreadCount, (), (override));
    MOCK_METHOD(VOID, DecrementThreadCount, (), (override));
    MOCK_METHOD(VOID, ReportUnhealthy, (PCWSTR pszReasonString, HRESULT hrReason), (override));
    MOCK_METHOD(VOID, RecycleProcess, (PCWSTR pszReason), (override));
    MOCK_METHOD(IAppHostAdminManager*, GetAdminManager, (), (const, override));
    MOCK_METHOD(HRESULT, GetFileInfo,
                (PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid,
                 PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken, BOOL fCache,
                 IHttpFileInfo** ppFileInfo, IHttpTraceContext* pHttpTraceContext),
                (override));
    MOCK_METHOD(HRESULT, FlushKernelCache, (PCWSTR pszUrl), (override));
    MOCK_METHOD(HRESULT, DoCacheOperation,
                (CACHE_OPERATION cacheOperation, IHttpCacheKey* pCacheKey,
                 IHttpCacheSpecificData** ppCacheSpecificData,
                 IHttpTraceContext* pHttpTraceContext),
                (override));
    MOCK_METHOD(GLOBAL_NOTIFICATION_STATUS, NotifyCustomNotification,
                (ICustomNotificationProvider * pCustomOutput), (override));
    MOCK_METHOD(IHttpPerfCounterInfo*, GetPerfCounterInfo, (), (override));
    MOCK_METHOD(VOID, RecycleApplication, (PCWSTR pszAppConfigPath), (override));
    MOCK_METHOD(VOID, NotifyConfigurationChange, (PCWSTR pszPath), (override));
    MOCK_METHOD(VOID, NotifyFileChange, (PCWSTR pszFileName), (override));
    MOCK_METHOD(IDispensedHttpModuleContextContainer*, DispenseContainer, (), (override));
    MOCK_METHOD(HRESULT, AddFragmentToCache, (HTTP_DATA_CHUNK * pDataChunk, PCWSTR pszFragmentName),
                (override));
    MOCK_METHOD(HRESULT, ReadFragmentFromCache,
                (PCWSTR pszFragmentName, BYTE* pvBuffer, DWORD cbSize, DWORD* pcbCopied),
                (override));
    MOCK_METHOD(HRESULT, RemoveFragmentFromCache, (PCWSTR pszFragmentName), (override));
    MOCK_METHOD(HRESULT, GetWorkerProcessSettings, (IWpfSettings * *ppWorkerProcessSettings),
                (override));
    MOCK_METHOD(HRESULT, GetProtocolManagerCustomInterface,
                (PCWSTR pProtocolManagerDll, PCWSTR pProtocolManagerDllInitFunction,
                 DWORD dwCustomInterfaceId, PVOID* ppCustomInterface),
                (override));
    MOCK_METHOD(BOOL, SatisfiesPrecondition, (PCWSTR pszPrecondition, BOOL* pfUnknownPrecondition),
                (const, override));
    MOCK_METHOD(IHttpTraceContext*, GetTraceContext, (), (const, override));
    MOCK_METHOD(HRESULT, RegisterFileChangeMonitor,
                (PCWSTR pszPath, HANDLE hToken, IHttpFileMonitor** ppFileMonitor), (override));
    MOCK_METHOD(HRESULT, GetExtendedInterface,
                (HTTP_SERVER_INTERFACE_VERSION version, PVOID* ppInterface), (override));
};

static_assert(!std::is_abstract<MockHttpContext>::value,
              "MockHttpContext overrides every pure virtual");
static_assert(!std::is_abstract<MockHttpResponse>::value,
              "MockHttpResponse overrides every pure virtual");
static_assert(!std::is_abstract<MockHttpServer>::value,
              "MockHttpServer overrides every pure virtual");

// The module code under test: SDK types only.
REQUEST_NOTIFICATION_STATUS RejectWithoutServer(IHttpContext* pHttpContext, IHttpServer* pServer) {
    if (pServer->IsCommandLineLaunch()) return RQ_NOTIFICATION_CONTINUE;
    IHttpResponse* pHttpResponse = pHttpContext->GetResponse();
    pHttpResponse->SetStatus(503, "Service Unavailable");
    pHttpResponse->SetHeader("Retry-After", "5", 1, TRUE);
    return RQ_NOTIFICATION_FINISH_REQUEST;
}

}  // namespace

TEST_CASE("gMock mocks of the full interfaces drive module code (issue 10, T-1)", "[gmock]") {
    using testing::_;
    using testing::Return;
    using testing::StrEq;
    testing::StrictMock<MockHttpContext> context;
    testing::StrictMock<MockHttpResponse> response;
    testing::StrictMock<MockHttpServer> server;

    EXPECT_CALL(server, IsCommandLineLaunch()).WillOnce(Return(FALSE));
    EXPECT_CALL(context, GetResponse()).WillOnce(Return(&response));
    // SetStatus's defaults (0, S_OK, NULL, FALSE) come from IHttpResponse's declaration.
    EXPECT_CALL(response, SetStatus(503, StrEq("Service Unavailable"), 0, S_OK, nullptr, FALSE))
        .WillOnce(Return(S_OK));
    EXPECT_CALL(response,
                SetHeader(testing::Matcher<PCSTR>(StrEq("Retry-After")), StrEq("5"), 1, TRUE))
        .WillOnce(Return(S_OK));

    CHECK(RejectWithoutServer(&context, &server) == RQ_NOTIFICATION_FINISH_REQUEST);
    CHECK(testing::Mock::VerifyAndClearExpectations(&context));
    CHECK(testing::Mock::VerifyAndClearExpectations(&response));
    CHECK(testing::Mock::VerifyAndClearExpectations(&server));
}

TEST_CASE("const methods of the mocks are callable through const pointers (issue 10)", "[gmock]") {
    testing::NiceMock<MockHttpContext> context;
    testing::NiceMock<MockHttpResponse> response;
    ON_CALL(context, GetResponseHeadersSent()).WillByDefault(testing::Return(TRUE));
    ON_CALL(response, GetStatus).WillByDefault(testing::SetArgPointee<0>(static_cast<USHORT>(418)));

    const IHttpContext* pConstContext = &context;
    CHECK(pConstContext->GetResponseHeadersSent() == TRUE);
    USHORT status = 0;
    IHttpResponse* pHttpResponse = &response;
    pHttpResponse->GetStatus(&status);  // the other eight arguments default to NULL
    CHECK(status == 418);
}
