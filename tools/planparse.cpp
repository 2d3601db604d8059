// planparse command line (being written; see issue 2).
#include <cstdio>
int main() { std::puts(PLANPARSE_VERSION); return 0; }
