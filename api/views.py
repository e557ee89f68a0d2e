"""The API's pages: tokens (make, revoke; the key shown once) and the Thai documentation
rendered from the OpenAPI document (no scripts, nothing from the internet)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from api.endpoints import api
from api.forms import TokenForm
from api.permissions import require_token_manager, tokens_of
from api.tokens import issue_token, revoke_token


@login_required
def token_list(request):
    require_token_manager(request.user)
    form = TokenForm(request.POST or None)
    key = None
    if request.method == "POST" and form.is_valid():
        try:
            _, key = issue_token(by=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error)
        else:
            form = TokenForm()
    return render(request, "api/tokens.html", {
        "tokens": tokens_of(request.user).select_related("created_by", "revoked_by"),
        "form": form, "key": key}, status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request, pk):
    require_token_manager(request.user)
    token = get_object_or_404(tokens_of(request.user), pk=pk)
    revoke_token(token=token, by=request.user)
    messages.success(request, f"ยกเลิกโทเคน “{token.name}” แล้ว ระบบที่ใช้โทเคนนี้จะอ่านข้อมูลไม่ได้อีก")
    return redirect("api-tokens")


def documentation(request):
    schema = api.get_openapi_schema(path_prefix=request.path.rstrip("/") + "/v1")
    operations = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                   "parameters": [p["name"] for p in op.get("parameters", [])]}
                  for path, methods in schema["paths"].items()
                  for method, op in methods.items()]
    return render(request, "api/docs.html", {"schema": schema, "operations": operations})
