/// The smallest complete campaign: every data file and one item of each collection. Tests
/// copy it and change one thing.
enum Fixtures {
    static let siteYML = """
    title: "Thi đua thử"
    baseURL: "https://example.org/"
    language: vi
    organisation: "Công đoàn thử"
    paginate: 2
    menu:
      - {title: "Trang chủ", url: "/"}
      - {title: "Tin tức", url: "/stories/"}

    """

    static let timelineYML = """
    campaign:
      title: "Phong trào 2024"
      theme: "Thi đua lao động giỏi"
      start: 2024-01-01
      end: 2024-12-31
    phases:
      - id: dot-1
        title: "Mừng Đảng quang vinh"
        start: 2024-01-01
        end: 2024-06-30
      - id: dot-2
        title: "Về đích"
        start: 2024-07-01
        end: 2024-12-31
    events:
      - date: 2024-07-28
        title: "Ngày thành lập Công đoàn Việt Nam"
        since: 1929-07-28
      - phase: dot-1
        title: "Thành lập tỉnh"
        since: 1909

    """

    static let movementsYML = """
    - id: lao-dong-gioi
      title: "Lao động giỏi"
      description: "Thi đua trong sản xuất."

    """

    static let story = """
    ---
    title: "Chăm lo Tết"
    date: 2024-02-01
    tags: ["Tết", "đoàn viên"]
    movement: lao-dong-gioi
    unit: "CĐCS Dào San"
    aliases: ["/tin-cu/tet"]
    ---
    Công đoàn xã tặng quà **Tết**.

    ## Kết quả

    Một trăm suất quà.

    """

    static let person = """
    ---
    title: "Lò Thị Mai"
    unit: "CĐCS Dào San"
    role: "Giáo viên"
    ---
    Hồ sơ mẫu.

    """

    static let milestone = """
    ---
    title: "Ngày thành lập Đảng"
    date: 2024-02-03
    since: 1930-02-03
    ---
    Kỷ niệm.

    """

    static let page = """
    ---
    title: "Giới thiệu"
    ---
    Trang giới thiệu.

    """

    /// A complete site using the default theme (no `theme/` folder).
    static var site: [String: String] {
        [
            "content/site.yml": siteYML,
            "content/timeline.yml": timelineYML,
            "content/movements.yml": movementsYML,
            "content/stories/cham-lo-tet.md": story,
            "content/people/lo-thi-mai.md": person,
            "content/milestones/thanh-lap-dang.md": milestone,
            "content/pages/gioi-thieu.md": page,
        ]
    }

    static func site(with changes: [String: String]) -> [String: String] {
        site.merging(changes) { $1 }
    }
}
