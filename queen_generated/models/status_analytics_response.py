from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_analytics_response_data_points_item import (
        StatusAnalyticsResponseDataPointsItem,
    )


T = TypeVar("T", bound="StatusAnalyticsResponse")


@_attrs_define
class StatusAnalyticsResponse:
    """
    Attributes:
        data_points (list[StatusAnalyticsResponseDataPointsItem]):
        interval (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
    """

    data_points: list[StatusAnalyticsResponseDataPointsItem]
    interval: str | Unset = UNSET
    from_: str | Unset = UNSET
    to: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        data_points = []
        for data_points_item_data in self.data_points:
            data_points_item = data_points_item_data.to_dict()
            data_points.append(data_points_item)

        interval = self.interval

        from_ = self.from_

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataPoints": data_points,
            }
        )
        if interval is not UNSET:
            field_dict["interval"] = interval
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.status_analytics_response_data_points_item import (
            StatusAnalyticsResponseDataPointsItem,
        )

        d = dict(src_dict)
        data_points = []
        _data_points = d.pop("dataPoints")
        for data_points_item_data in _data_points:
            data_points_item = StatusAnalyticsResponseDataPointsItem.from_dict(
                data_points_item_data
            )

            data_points.append(data_points_item)

        interval = d.pop("interval", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        status_analytics_response = cls(
            data_points=data_points,
            interval=interval,
            from_=from_,
            to=to,
        )

        status_analytics_response.additional_properties = d
        return status_analytics_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
