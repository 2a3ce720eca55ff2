#ifndef IISFAKE_VERSION_HPP_INCLUDED
#define IISFAKE_VERSION_HPP_INCLUDED

// Kept equal to project(VERSION) in CMakeLists.txt; a test checks that they agree.
#define IISFAKE_VERSION_MAJOR 0
#define IISFAKE_VERSION_MINOR 1
#define IISFAKE_VERSION_PATCH 0
#define IISFAKE_VERSION_STRING "0.1.0"

#endif
