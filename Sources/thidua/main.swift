import ThiDuaKit
