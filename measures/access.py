"""The helper every measure view starts with: scope by organisation, 404 outside it."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from measures.models import Measure
from measures.permissions import can_edit_measure, can_view_measure


def get_measure_for_user(request, pk):
    """(measure, can_edit) for a measure the user may read; 404 for anything else."""
    measure = get_object_or_404(Measure.objects.select_related("organization"), pk=pk)
    if not can_view_measure(request.user, measure):
        raise Http404("ไม่พบมาตรการ")
    return measure, can_edit_measure(request.user, measure)
