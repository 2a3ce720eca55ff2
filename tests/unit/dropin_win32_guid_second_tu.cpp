// A second translation unit that defines, under INITGUID, a GUID dropin_win32_com_test.cpp
// also defines (and one only this file defines): with MSVC's selectany the program links, and
// iisfake's weak definitions must give the same (spec T-19).
#include <windows.h>
#include <initguid.h>
DEFINE_GUID(IID_IisfakeSharedTest, 0x11223344, 0x5566, 0x7788, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE,
            0xFF, 0x00);
DEFINE_GUID(IID_IisfakeSecondOnly, 0xCAFEF00D, 0x0001, 0x0002, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
            0x09, 0x0A);

const GUID* iisfake_second_tu_shared_guid();
const GUID* iisfake_second_tu_shared_guid() { return &IID_IisfakeSharedTest; }
