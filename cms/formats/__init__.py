"""Per-language date and number formats (Django FORMAT_MODULE_PATH); unset names fall back to Django's."""
