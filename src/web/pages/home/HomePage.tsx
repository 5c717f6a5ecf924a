import { Navigate } from 'react-router';
import { homePath, useUser } from '../../session.ts';
import { InstructorHome } from './InstructorHome.tsx';
import { SecretaryHome } from './SecretaryHome.tsx';

/** /home: the secretary's branch or the instructor's enterprises; anyone else goes to their own home. */
export default function HomePage() {
  const user = useUser();
  if (homePath(user) !== '/home') return <Navigate to={homePath(user)} replace />;
  // A secretary's scope is their org even if they are an instructor too (server: Actor).
  return user.roles.includes('secretary') ? <SecretaryHome /> : <InstructorHome />;
}
