from ita_portal.navigation import add, signed_in

add(10, "home", "หน้าหลัก", "home", signed_in)
add(100, "admin", "ผู้ดูแลระบบ (Django)", "admin:index", lambda user: user.is_staff)
