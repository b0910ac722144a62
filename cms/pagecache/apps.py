from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "cms.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from django.core.signals import got_request_exception
        from django.db.backends.signals import connection_created
        from django.test.signals import setting_changed

        from cms.pagecache import health, middleware

        got_request_exception.connect(middleware.note_database_failure, dispatch_uid="pagecache-database-failure")
        # A connection that opens means the database is back: the breaker closes before its time is up.
        connection_created.connect(middleware.database_is_back, dispatch_uid="pagecache-database-back")
        setting_changed.connect(middleware.forget_entries, dispatch_uid="pagecache-setting-changed")
        health.register_check()
