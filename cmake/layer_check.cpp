// planparse_layer_<folder> (CMakeLists.txt): linked with every object of one layer, this program
// links only if the layer calls nothing above or beside it. It is never run.
int main() { return 0; }
