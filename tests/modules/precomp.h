// The precompiled header of a module project, as the Visual Studio template and most IIS module
// projects have it: every .cpp of the module includes it first, and the build compiles it once
// (/Yu"precomp.h"). _WINSOCKAPI_ keeps <windows.h> from pulling in the old <winsock.h>, which
// would collide with the <winsock2.h> the module's address code includes afterwards.
#pragma once

#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>

#include <tchar.h>
#include <stdio.h>
#include <strsafe.h>
