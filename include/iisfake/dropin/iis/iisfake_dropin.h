// Marks this folder as iisfake's drop-ins for the IIS SDK headers: when it is on the include
// path, the <httpserv.h> found there is iisfake's, not the Windows SDK's (config.hpp asks).
#ifndef IISFAKE_DROPIN_MARKER_H_INCLUDED
#define IISFAKE_DROPIN_MARKER_H_INCLUDED
#endif
