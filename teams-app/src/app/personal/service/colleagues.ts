// The colleagues a lead or case can be handed to, as GET /api/colleagues answers them.
export interface Colleague {
  id: string;
  displayName: string;
}
