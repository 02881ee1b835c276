from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named_trace import NamedTrace
    from ..models.pagination import Pagination


T = TypeVar("T", bound="TracesByNameResponse")


@_attrs_define
class TracesByNameResponse:
    """
    Attributes:
        traces (list[NamedTrace] | None): Null when `offset` is above 0 (upstream paging defect).
        total (int | Unset): Number of name tags matched.
        pagination (Pagination | Unset):
    """

    traces: list[NamedTrace] | None
    total: int | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        traces: list[dict[str, Any]] | None
        if isinstance(self.traces, list):
            traces = []
            for traces_type_0_item_data in self.traces:
                traces_type_0_item = traces_type_0_item_data.to_dict()
                traces.append(traces_type_0_item)

        else:
            traces = self.traces

        total = self.total

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "traces": traces,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.named_trace import NamedTrace
        from ..models.pagination import Pagination

        d = dict(src_dict)

        def _parse_traces(data: object) -> list[NamedTrace] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                traces_type_0 = []
                _traces_type_0 = data
                for traces_type_0_item_data in _traces_type_0:
                    traces_type_0_item = NamedTrace.from_dict(traces_type_0_item_data)

                    traces_type_0.append(traces_type_0_item)

                return traces_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[NamedTrace] | None, data)

        traces = _parse_traces(d.pop("traces"))

        total = d.pop("total", UNSET)

        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)

        traces_by_name_response = cls(
            traces=traces,
            total=total,
            pagination=pagination,
        )

        traces_by_name_response.additional_properties = d
        return traces_by_name_response

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
