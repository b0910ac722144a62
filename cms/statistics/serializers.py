"""API representations shared by the statistics endpoint and the statistics block."""

from decimal import Decimal

from rest_framework import serializers


class NumberField(serializers.Field):
    """A decimal as a JSON number: an integer when it has no fraction (4, not 4.0)."""

    def to_representation(self, value: Decimal):
        value = Decimal(value)
        return int(value) if value == value.to_integral_value() else float(value)


class StatisticSerializer(serializers.Serializer):
    """Every public field of a published ``cms.Statistic``; the block inlines the same data."""

    id = serializers.IntegerField(read_only=True)
    label = serializers.CharField(read_only=True)
    value = NumberField(read_only=True)
    total = NumberField(read_only=True, allow_null=True)
    unit = serializers.CharField(read_only=True)
    percentage = NumberField(read_only=True, allow_null=True)
    display_value = serializers.SerializerMethodField()
    display_text = serializers.SerializerMethodField()
    reference_date = serializers.DateField(read_only=True)
    source = serializers.CharField(read_only=True)
    locale = serializers.CharField(source="locale.language_code", read_only=True)

    def get_display_value(self, statistic) -> str:
        """The figure without its unit ("100", "93/180"): ``unit`` is never repeated in it."""
        return statistic.display_value.removesuffix("%") if statistic.unit == "%" else statistic.display_value

    def get_display_text(self, statistic) -> str:
        """The figure with its unit, as printed ("100%", "93/180 hồ sơ")."""
        if statistic.unit == "%":
            return statistic.display_value
        return f"{statistic.display_value} {statistic.unit}".strip()
