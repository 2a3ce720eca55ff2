#ifndef IISFAKE_SDK_AHADMIN_HPP_INCLUDED
#define IISFAKE_SDK_AHADMIN_HPP_INCLUDED

// The application-host configuration interfaces of the SDK's <ahadmin.h>, which <httpserv.h>
// includes: IHttpServer::GetAdminManager() hands out an IAppHostAdminManager, and modules read
// their <system.webServer> section through IAppHostElement and its properties. Declared in
// the SDK's MIDL (vtable) order, which is not the documentation's alphabetical one; structs,
// as MIDL declares them. Where the Windows SDK's own <ahadmin.h> is used (see config.hpp),
// these are not declared.

#include "iisfake/com_types.hpp"

#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <ahadmin.h>
#else

// mingw-w64's IUnknown has a public non-virtual destructor; only its own system headers are
// spared -Wnon-virtual-dtor for deriving from it, and ours must not warn in users' builds.
#if defined(_WIN32) && defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

// clang-format off
struct IISFAKE_UUID("09829352-87c2-418d-8d79-4133969a489d")
    IAppHostChangeHandler : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE OnSectionChanges(BSTR bstrSectionName,
                                                       BSTR bstrConfigPath) = 0;

protected:
    ~IAppHostChangeHandler() = default;
};

struct IISFAKE_UUID("4dfa1df3-8900-4bc7-bbb5-d1a458c52410")
    IAppHostConfigException : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_LineNumber(ULONG* pcLineNumber) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_FileName(BSTR* pbstrFileName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ConfigPath(BSTR* pbstrConfigPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ErrorLine(BSTR* pbstrErrorLine) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PreErrorLine(BSTR* pbstrPreErrorLine) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PostErrorLine(BSTR* pbstrPostErrorLine) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ErrorString(BSTR* pbstrErrorString) = 0;

protected:
    ~IAppHostConfigException() = default;
};

struct IISFAKE_UUID("eafe4895-a929-41ea-b14d-613e23f62b71")
    IAppHostPropertyException : public IAppHostConfigException {
public:
    virtual HRESULT STDMETHODCALLTYPE get_InvalidValue(BSTR* pbstrValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationFailureReason(BSTR* pbstrValidationReason) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationFailureParameters(SAFEARRAY** pParameterArray) = 0;

protected:
    ~IAppHostPropertyException() = default;
};

struct IISFAKE_UUID("2d9915fb-9d42-4328-b782-1b46819fab9e") IAppHostMethodSchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_InputSchema(IAppHostElementSchema** ppInputSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_OutputSchema(IAppHostElementSchema** ppOutputSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;

protected:
    ~IAppHostMethodSchema() = default;
};

struct IISFAKE_UUID("b80f3c42-60e0-4ae0-9007-f52852d3dbed")
    IAppHostMethodInstance : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Input(IAppHostElement** ppInputElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Output(IAppHostElement** ppOutputElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE Execute() = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;

protected:
    ~IAppHostMethodInstance() = default;
};

struct IISFAKE_UUID("7883ca1c-1112-4447-84c3-52fbeb38069d") IAppHostMethod : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostMethodSchema** ppMethodSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE CreateInstance(IAppHostMethodInstance** ppMethodInstance) = 0;

protected:
    ~IAppHostMethod() = default;
};

struct IISFAKE_UUID("d6c7cd8f-bb8d-4f96-b591-d3a5f1320269")
    IAppHostMethodCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostMethod** ppMethod) = 0;

protected:
    ~IAppHostMethodCollection() = default;
};

struct IISFAKE_UUID("0716caf8-7d05-4a46-8099-77594be91394")
    IAppHostConstantValue : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Value(DWORD* pdwValue) = 0;

protected:
    ~IAppHostConstantValue() = default;
};

struct IISFAKE_UUID("5b5a68e6-8b9f-45e1-8199-a95ffccdffff")
    IAppHostConstantValueCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex,
                                               IAppHostConstantValue** ppConstantValue) = 0;

protected:
    ~IAppHostConstantValueCollection() = default;
};

struct IISFAKE_UUID("450386db-7409-4667-935e-384dbbee2a9e")
    IAppHostPropertySchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Type(BSTR* pbstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DefaultValue(VARIANT* pDefaultValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsRequired(VARIANT_BOOL* pfIsRequired) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsUniqueKey(VARIANT_BOOL* pfIsUniqueKey) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsCombinedKey(VARIANT_BOOL* pfIsCombinedKey) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsExpanded(VARIANT_BOOL* pfIsExpanded) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationType(BSTR* pbstrValidationType) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationParameter(BSTR* pbstrValidationParameter) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsCaseSensitive(VARIANT_BOOL* pfIsCaseSensitive) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PossibleValues(IAppHostConstantValueCollection** ppValues) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DoesAllowInfinite(VARIANT_BOOL* pfAllowInfinite) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsEncrypted(VARIANT_BOOL* pfIsEncrypted) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_TimeSpanFormat(BSTR* pbstrTimeSpanFormat) = 0;

protected:
    ~IAppHostPropertySchema() = default;
};

struct IISFAKE_UUID("8bed2c68-a5fb-4b28-8581-a0dc5267419f")
    IAppHostPropertySchemaCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex,
                                               IAppHostPropertySchema** ppPropertySchema) = 0;

protected:
    ~IAppHostPropertySchemaCollection() = default;
};

struct IISFAKE_UUID("ef13d885-642c-4709-99ec-b89561c6bc69")
    IAppHostElementSchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DoesAllowUnschematizedProperties(VARIANT_BOOL* pfAllowUnschematized) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_CollectionSchema(IAppHostCollectionSchema** ppCollectionSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ChildElementSchemas(IAppHostElementSchemaCollection** ppChildSchemas) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PropertySchemas(IAppHostPropertySchemaCollection** ppPropertySchemas) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsCollectionDefault(VARIANT_BOOL* pfIsCollectionDefault) = 0;

protected:
    ~IAppHostElementSchema() = default;
};

struct IISFAKE_UUID("0344cdda-151e-4cbf-82da-66ae61e97754")
    IAppHostElementSchemaCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex,
                                               IAppHostElementSchema** ppElementSchema) = 0;

protected:
    ~IAppHostElementSchemaCollection() = default;
};

struct IISFAKE_UUID("de095db1-5368-4d11-81f6-efef619b7bcf")
    IAppHostCollectionSchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_AddElementNames(BSTR* pbstrElementName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetAddElementSchema(BSTR bstrElementName,
                                                          IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_RemoveElementSchema(IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ClearElementSchema(IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsMergeAppend(VARIANT_BOOL* pfIsMergeAppend) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DoesAllowDuplicates(VARIANT_BOOL* pfAllowDuplicates) = 0;

protected:
    ~IAppHostCollectionSchema() = default;
};

struct IISFAKE_UUID("ed35f7a1-5024-4e7b-a44d-07ddaf4b524d") IAppHostProperty : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Value(VARIANT* pVariant) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_Value(VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE Clear() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_StringValue(BSTR* pbstrValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Exception(IAppHostPropertyException** ppException) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostPropertySchema** ppSchema) = 0;

protected:
    ~IAppHostProperty() = default;
};

struct IISFAKE_UUID("0191775e-bcff-445a-b4f4-3bdda54e2816")
    IAppHostPropertyCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostProperty** ppProperty) = 0;

protected:
    ~IAppHostPropertyCollection() = default;
};

struct IISFAKE_UUID("08a90f5f-0702-48d6-b45f-02a9885a9768")
    IAppHostChildElementCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) = 0;

protected:
    ~IAppHostChildElementCollection() = default;
};

struct IISFAKE_UUID("c8550bff-5281-4b1e-ac34-99b6fa38464d")
    IAppHostElementCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcElementCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddElement(IAppHostElement* pElement, INT cPosition = -1) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteElement(VARIANT cIndex) = 0;
    virtual HRESULT STDMETHODCALLTYPE Clear() = 0;
    virtual HRESULT STDMETHODCALLTYPE CreateNewElement(BSTR bstrElementName,
                                                       IAppHostElement** ppElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostCollectionSchema** ppSchema) = 0;

protected:
    ~IAppHostElementCollection() = default;
};

struct IISFAKE_UUID("64ff8ccc-b287-4dae-b08a-a72cbf45f453") IAppHostElement : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Collection(IAppHostElementCollection** ppCollection) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Properties(IAppHostPropertyCollection** ppProperties) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ChildElements(IAppHostChildElementCollection** ppElements) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetElementByName(BSTR bstrSubName,
                                                       IAppHostElement** ppElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetPropertyByName(BSTR bstrSubName,
                                                        IAppHostProperty** ppProperty) = 0;
    virtual HRESULT STDMETHODCALLTYPE Clear() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Methods(IAppHostMethodCollection** ppMethods) = 0;

protected:
    ~IAppHostElement() = default;
};

struct IISFAKE_UUID("c5c04795-321c-4014-8fd6-d44658799393")
    IAppHostSectionDefinition : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Type(BSTR* pbstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_Type(BSTR bstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_OverrideModeDefault(BSTR* pbstrOverrideModeDefault) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_OverrideModeDefault(BSTR bstrOverrideModeDefault) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_AllowDefinition(BSTR* pbstrAllowDefinition) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_AllowDefinition(BSTR bstrAllowDefinition) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_AllowLocation(BSTR* pbstrAllowLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_AllowLocation(BSTR bstrAllowLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_RequirePermission(VARIANT_BOOL* pfRequirePermission) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_RequirePermission(VARIANT_BOOL pfRequirePermission) = 0;

protected:
    ~IAppHostSectionDefinition() = default;
};

struct IISFAKE_UUID("b7d381ee-8860-47a1-8af4-1f33b2b1f325")
    IAppHostSectionDefinitionCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(ULONG* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT varIndex,
                                               IAppHostSectionDefinition** ppConfigSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddSection(BSTR bstrSectionName,
                                                 IAppHostSectionDefinition** ppConfigSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteSection(VARIANT varIndex) = 0;

protected:
    ~IAppHostSectionDefinitionCollection() = default;
};

struct IISFAKE_UUID("0dd8a158-ebe6-4008-a1d9-b7ecc8f1104b") IAppHostSectionGroup : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(ULONG* pcSectionGroup) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT varIndex,
                                               IAppHostSectionGroup** ppSectionGroup) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Sections(IAppHostSectionDefinitionCollection** ppSections) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddSectionGroup(BSTR bstrSectionGroupName,
                                                      IAppHostSectionGroup** ppSectionGroup) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteSectionGroup(VARIANT varIndex) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Type(BSTR* pbstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_Type(BSTR bstrType) = 0;

protected:
    ~IAppHostSectionGroup() = default;
};

struct IISFAKE_UUID("370af178-7758-4dad-8146-7391f6e18585")
    IAppHostConfigLocation : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Path(BSTR* pbstrLocationPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddConfigSection(BSTR bstrSectionName,
                                                       IAppHostElement** ppAdminElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteConfigSection(VARIANT cIndex) = 0;

protected:
    ~IAppHostConfigLocation() = default;
};

struct IISFAKE_UUID("832a32f7-b3ea-4b8c-b260-9a2923001184")
    IAppHostConfigLocationCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT varIndex,
                                               IAppHostConfigLocation** ppLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddLocation(BSTR bstrLocationPath,
                                                  IAppHostConfigLocation** ppNewLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteLocation(VARIANT cIndex) = 0;
    virtual HRESULT STDMETHODCALLTYPE RenameLocation(VARIANT varIndex, BSTR bstrLocationPath) = 0;

protected:
    ~IAppHostConfigLocationCollection() = default;
};

struct IISFAKE_UUID("ada4e6fb-e025-401e-a5d0-c3134a281f07") IAppHostConfigFile : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_ConfigPath(BSTR* pbstrConfigPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_FilePath(BSTR* pbstrFilePath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Locations(IAppHostConfigLocationCollection** ppLocations) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR bstrSectionName, BSTR bstrPath,
                                                      IAppHostElement** ppAdminSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE ClearInvalidSections() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_RootSectionGroup(IAppHostSectionGroup** ppSectionGroups) = 0;

protected:
    ~IAppHostConfigFile() = default;
};

struct IISFAKE_UUID("8f6d760f-f0cb-4d69-b5f6-848b33e9bdc6")
    IAppHostConfigManager : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetConfigFile(BSTR bstrConfigPath,
                                                    IAppHostConfigFile** ppConfigFile) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetUniqueConfigPath(BSTR bstrConfigPath,
                                                          BSTR* pbstrUniquePath) = 0;

protected:
    ~IAppHostConfigManager() = default;
};

struct IISFAKE_UUID("9be77978-73ed-4a9a-87fd-13f09fec1b13") IAppHostAdminManager : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR bstrSectionName, BSTR bstrPath,
                                                      IAppHostElement** ppAdminSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** ppConfigManager) = 0;

protected:
    ~IAppHostAdminManager() = default;
};

struct IISFAKE_UUID("fa7660f6-7b3f-4237-a8bf-ed0ad0dcbbd9")
    IAppHostWritableAdminManager : public IAppHostAdminManager {
public:
    virtual HRESULT STDMETHODCALLTYPE CommitChanges() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_CommitPath(BSTR* pbstrCommitPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_CommitPath(BSTR bstrCommitPath) = 0;

protected:
    ~IAppHostWritableAdminManager() = default;
};

struct IISFAKE_UUID("518eb37d-1ff4-42dd-86c3-3140bc35b823")
    IAppHostElementExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE ProvideElement(IAppHostElement* pNewElement) = 0;

protected:
    ~IAppHostElementExtension() = default;
};

struct IISFAKE_UUID("31a83ea0-c0e4-4a2c-8a01-353cc2a4c60a")
    IAppHostMappingExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetSiteNameFromSiteId(DWORD dwSiteId,
                                                            BSTR* pbstrSiteName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSiteIdFromSiteName(BSTR bstrSiteName,
                                                            DWORD* pdwSiteId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSiteElementFromSiteId(DWORD dwSiteId,
                                                               IAppHostElement** ppSiteElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE MapPath(BSTR bstrSiteName, BSTR bstrVirtualPath,
                                              BSTR* pbstrPhysicalPath,
                                              IAppHostElement** ppVirtualDirectoryElement,
                                              IAppHostElement** ppApplicationElement) = 0;

protected:
    ~IAppHostMappingExtension() = default;
};

struct IISFAKE_UUID("70184ac9-7673-4770-96b1-445ce035cf70")
    IAppHostMethodExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE ProvideMethod(IAppHostMethod* pMethod,
                                                    IAppHostMethodInstance* pMethodInstance,
                                                    IAppHostElement* pElement) = 0;

protected:
    ~IAppHostMethodExtension() = default;
};

struct IISFAKE_UUID("e7927575-5cc3-403b-822e-328a6b904bee") IAppHostPathMapper : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE MapPath(BSTR bstrConfigPath, BSTR bstrMappedPhysicalPath,
                                              BSTR* pbstrNewPhysicalPath) = 0;

protected:
    ~IAppHostPathMapper() = default;
};

struct IISFAKE_UUID("0f80e901-8f4c-449a-bf90-13d5d082f187") IAppHostPathMapper2 : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE MapPath(BSTR bstrConfigPath, BSTR bstrMappedPhysicalPath,
                                              BSTR* pbstrNewPhysicalPath,
                                              HANDLE* phImpersonationToken) = 0;

protected:
    ~IAppHostPathMapper2() = default;
};

struct IISFAKE_UUID("88e220f3-33e8-4534-afac-b4a98eccf9ae")
    IAppHostPropertyExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE ProvideGetProperty(IAppHostElement* pElement,
                                                         IAppHostProperty* pProperty) = 0;

protected:
    ~IAppHostPropertyExtension() = default;
};

// clang-format on

#if defined(_WIN32) && defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

// The coclasses a module could create itself (CoCreateInstance); IIS hands modules the admin
// manager instead.
struct IISFAKE_UUID("228fb8f7-fb53-4fd5-8c7b-ff59de606c5b") AppHostAdminManager;
struct IISFAKE_UUID("2b72133b-3f5b-4602-8952-803546ce3344") AppHostWritableAdminManager;

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
