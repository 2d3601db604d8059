# The library's layers, one static library per folder (planparse_<folder>), lowest first, and
# the layers each may use, by #include and by call: only layers below it. feeds, diff and api
# all stand on parsers and know nothing of each other. CMakeLists.txt links each library to
# its list and nothing else; cmake/check_layers.cmake and the planparse_layer_<folder> link
# checks fail the build on any other use.
set(PLANPARSE_LAYERS ingest schema parsers feeds diff api)
set(PLANPARSE_USES_ingest "")
set(PLANPARSE_USES_schema ingest)
set(PLANPARSE_USES_parsers ingest schema)
set(PLANPARSE_USES_feeds ingest schema parsers)
set(PLANPARSE_USES_diff ingest schema parsers)
set(PLANPARSE_USES_api ingest schema parsers)
