#ifndef IISFAKE_SDK_HTTPSERV_HPP_INCLUDED
#define IISFAKE_SDK_HTTPSERV_HPP_INCLUDED

// The httpserv.h surface: the Windows SDK's own header where it exists (see config.hpp),
// iisfake's exact re-declaration everywhere else (Linux, mingw-w64).

#include "iisfake/config.hpp"

#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httpserv.h>
#else
#include "iisfake/sdk/completion_info.hpp"
#include "iisfake/sdk/forward.hpp"
#include "iisfake/sdk/http_request.hpp"
#endif

#include "iisfake/sdk/uuid.hpp"

#endif
