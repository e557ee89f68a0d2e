"""Thai names for the admin pages of the libraries the portal uses (sign-in protection, the
audit trail, two-factor devices, the job queue): they name themselves in English (or not at
all: "Otp_Totp"), and the platform operator reads the admin in Thai."""

from django.apps import apps

NAMES = {  # app label: (the app's name, {model: (singular, plural)})
    "axes": ("การป้องกันการเดารหัสผ่าน", {
        "accessattempt": ("ความพยายามเข้าสู่ระบบ", "ความพยายามเข้าสู่ระบบ"),
        "accessfailurelog": ("การเข้าสู่ระบบที่ล้มเหลว", "การเข้าสู่ระบบที่ล้มเหลว"),
        "accessattemptexpiration": ("กำหนดหมดอายุของการล็อก", "กำหนดหมดอายุของการล็อก"),
        "accesslog": ("บันทึกการเข้าสู่ระบบ", "บันทึกการเข้าสู่ระบบ")}),
    "auditlog": ("ประวัติการแก้ไข (ทั้งระบบ)", {
        "logentry": ("รายการประวัติการแก้ไข", "รายการประวัติการแก้ไข")}),
    "otp_static": ("รหัสสำรองของการยืนยันตัวตนสองขั้นตอน", {
        "staticdevice": ("ชุดรหัสสำรอง", "ชุดรหัสสำรอง"),
        "statictoken": ("รหัสสำรอง", "รหัสสำรอง")}),
    "otp_totp": ("แอปยืนยันตัวตน (TOTP)", {
        "totpdevice": ("อุปกรณ์ยืนยันตัวตน", "อุปกรณ์ยืนยันตัวตน")}),
    "django_tasks": ("งานเบื้องหลัง", {}),
    "django_tasks_database": ("คิวงานเบื้องหลัง (ฐานข้อมูล)", {
        "dbtaskresult": ("ผลของงานเบื้องหลัง", "ผลของงานเบื้องหลัง")}),
}


def apply():
    installed = {config.label: config for config in apps.get_app_configs()}
    for label, (name, models) in NAMES.items():
        config = installed.get(label)
        if config is None:
            continue
        config.verbose_name = name
        for model_name, (singular, plural) in models.items():
            meta = config.get_model(model_name)._meta
            meta.verbose_name, meta.verbose_name_plural = singular, plural
