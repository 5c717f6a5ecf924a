// 入党类型: how the national system records the way a member joined. Its official value list is
// not in the public sources we found (docs/national-files.md): the value is kept as the file
// writes it (members.join_type) and written back unchanged, so nothing is lost on a round trip.
export const JOIN_TYPE_MAX_LENGTH = 30;
