from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pagination import Pagination
    from ..models.trace_name_summary import TraceNameSummary


T = TypeVar("T", bound="TraceNamesResponse")


@_attrs_define
class TraceNamesResponse:
    """
    Attributes:
        trace_names (list[TraceNameSummary]):
        total (int | Unset):
        pagination (Pagination | Unset):
    """

    trace_names: list[TraceNameSummary]
    total: int | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        trace_names = []
        for trace_names_item_data in self.trace_names:
            trace_names_item = trace_names_item_data.to_dict()
            trace_names.append(trace_names_item)

        total = self.total

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trace_names": trace_names,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pagination import Pagination
        from ..models.trace_name_summary import TraceNameSummary

        d = dict(src_dict)
        trace_names = []
        _trace_names = d.pop("trace_names")
        for trace_names_item_data in _trace_names:
            trace_names_item = TraceNameSummary.from_dict(trace_names_item_data)

            trace_names.append(trace_names_item)

        total = d.pop("total", UNSET)

        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)

        trace_names_response = cls(
            trace_names=trace_names,
            total=total,
            pagination=pagination,
        )

        trace_names_response.additional_properties = d
        return trace_names_response

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
