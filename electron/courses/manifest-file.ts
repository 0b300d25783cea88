/**
 * The file that makes a folder a course. On its own so that the start script can tell a course
 * folder from a folder of courses before the server listens, without loading the course code.
 */
export const MANIFEST_FILE = 'course.yaml';
