# Mozilla's reference Fluent parser on every shipped .ftl file; no Chinese left in en-US.
python tools/check_ftl.py locales
