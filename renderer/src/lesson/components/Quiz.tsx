// The quiz and its question types live in ./quiz/; this name stays for the lesson component registry.
export { Quiz } from './quiz/Quiz';
