"""Django settings package: ``base`` holds what is true everywhere; the others hold differences."""
