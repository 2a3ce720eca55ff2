#ifndef IISFAKE_FAKE_HTTP_CACHE_POLICY_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_CACHE_POLICY_HPP_INCLUDED

// FakeHttpCachePolicy: the IHttpCachePolicy2 behind IHttpResponse::GetCachePolicy, a plain
// holder of what module code set (§2.8), which a test reads back.

#include <string>

#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

class FakeHttpCachePolicy : public IHttpCachePolicy2 {
public:
    FakeHttpCachePolicy() = default;
    FakeHttpCachePolicy(const FakeHttpCachePolicy&) = delete;
    FakeHttpCachePolicy& operator=(const FakeHttpCachePolicy&) = delete;
    virtual ~FakeHttpCachePolicy() = default;

    HTTP_CACHE_POLICY* GetKernelCachePolicy(VOID) override { return &kernel_; }
    VOID SetKernelCacheInvalidatorSet(VOID) override { invalidator_set_ = true; }
    HTTP_CACHE_POLICY* GetUserCachePolicy(VOID) override { return &user_; }
    // The lists are comma-separated, as the vary-by attributes of <caching> are.
    HRESULT AppendVaryByHeader(PCSTR pszHeader) override { return append(headers_, pszHeader); }
    PCSTR GetVaryByHeaders(VOID) const override { return text(headers_); }
    HRESULT AppendVaryByQueryString(PCSTR pszParam) override {
        return append(query_strings_, pszParam);
    }
    PCSTR GetVaryByQueryStrings(VOID) const override { return text(query_strings_); }
    HRESULT SetVaryByValue(PCSTR pszValue) override {
        if (!pszValue) return E_INVALIDARG;
        value_ = pszValue;
        has_value_ = true;
        return S_OK;
    }
    PCSTR GetVaryByValue(VOID) const override { return has_value_ ? value_.c_str() : nullptr; }
    BOOL IsUserCacheEnabled(VOID) const override { return user_cache_ ? TRUE : FALSE; }
    VOID DisableUserCache(VOID) override { user_cache_ = false; }
    BOOL IsCached(VOID) const override { return cached_ ? TRUE : FALSE; }
    VOID SetIsCached(VOID) override { cached_ = true; }
    BOOL GetKernelCacheInvalidatorSet(VOID) const override {
        return invalidator_set_ ? TRUE : FALSE;
    }
    BOOL IsForceUpdateSet(VOID) const override { return force_update_ ? TRUE : FALSE; }
    VOID SetForceUpdate(VOID) override { force_update_ = true; }

    // ---- inspection ---------------------------------------------------------------------------
    const std::string& vary_by_headers() const noexcept { return headers_; }
    const std::string& vary_by_query_strings() const noexcept { return query_strings_; }

private:
    static HRESULT append(std::string& list, PCSTR item) {
        if (!item) return E_INVALIDARG;
        if (!list.empty()) list += ',';
        list += item;
        return S_OK;
    }
    static PCSTR text(const std::string& list) { return list.empty() ? nullptr : list.c_str(); }

    HTTP_CACHE_POLICY kernel_ = {};
    HTTP_CACHE_POLICY user_ = {};
    std::string headers_;
    std::string query_strings_;
    std::string value_;
    bool has_value_ = false;
    bool user_cache_ = true;
    bool cached_ = false;
    bool invalidator_set_ = false;
    bool force_update_ = false;
};

IISFAKE_END_NAMESPACE

#endif
