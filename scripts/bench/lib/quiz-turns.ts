/**
 * What a learner answers next, by the rules of taking a quiz (electron/quiz/take-quiz.ts): with
 * per-question feedback an answer is final and the last one finishes the attempt; with
 * `feedback: end` the learner finishes the attempt once every question is answered; a finished
 * quiz is retaken while its attempt limit allows. So any number of answers can be submitted
 * without one of them being refused, each a real first answer to a question in an open attempt.
 *
 * The preparation (quiz.get, quiz.finish, quiz.retake) is done here, before the timed
 * `quiz.submitAnswer`, through whatever door the caller uses (HTTP or the core's dispatch).
 */
import type { Answer, PublicQuiz } from '../../../electron/contract/channels.js';
import type { Catalog } from '../../../electron/courses/catalog.js';
import { syntheticAnswer } from '../synthetic-data.js';

export type ChannelCaller = <T>(channel: string, args: unknown) => Promise<T>;

export interface QuizRef {
  courseId: string;
  quizId: string;
}

export interface Submission extends QuizRef {
  questionId: string;
  answer: Answer;
}

export function quizRefsOf(catalog: Catalog): QuizRef[] {
  return [...catalog.courses.values()].flatMap((course) =>
    [...course.quizzes.keys()].map((quizId) => ({ courseId: course.manifest.id, quizId })),
  );
}

/** The first question of the current attempt, in its order, not yet answered; null when the attempt is not open. */
function unansweredQuestion(view: PublicQuiz): string | null {
  if (view.attempt.finishedAt !== null) return null;
  const answered = new Set(view.answers.map((answer) => answer.questionId));
  return view.questions.find((question) => !answered.has(question.id))?.id ?? null;
}

/**
 * One learner going through the quizzes: answers the current quiz's attempt question by question
 * and, once that attempt is finished, moves on to the next quiz that can still be answered or
 * retaken, in turn. `attemptsPerQuiz` caps the attempts this learner makes at any quiz (below
 * the quiz's own limit, if it has one), as a real learner stops retaking at some point.
 */
export class QuizTurns {
  private current: number;

  constructor(
    private readonly call: ChannelCaller,
    private readonly catalog: Catalog,
    private readonly session: string,
    private readonly random: () => number,
    private readonly quizzes: QuizRef[] = quizRefsOf(catalog),
    start = 0,
    private readonly attemptsPerQuiz = Number.POSITIVE_INFINITY,
  ) {
    if (quizzes.length === 0) throw new Error('there are no quizzes to answer');
    this.current = start % quizzes.length;
  }

  private async view(channel: 'quiz.get' | 'quiz.finish' | 'quiz.retake', quiz: QuizRef): Promise<PublicQuiz> {
    return this.call<PublicQuiz>(channel, { session: this.session, courseId: quiz.courseId, quizId: quiz.quizId });
  }

  private answerTo(quiz: QuizRef, questionId: string): Submission {
    const definition = this.catalog.courses.get(quiz.courseId)?.quizzes.get(quiz.quizId);
    const question = definition?.questions.find((candidate) => candidate.id === questionId);
    if (!question) throw new Error(`the quiz ${quiz.courseId}/${quiz.quizId} has no question ${questionId}`);
    return { ...quiz, questionId, answer: syntheticAnswer(question, this.random) };
  }

  /**
   * The next answer to submit, after finishing or retaking whatever a learner would first; null
   * when this learner has no quiz left to answer or retake.
   */
  async next(): Promise<Submission | null> {
    for (let tried = 0; tried <= this.quizzes.length; tried += 1) {
      const quiz = this.quizzes[this.current] as QuizRef;
      let view = await this.view('quiz.get', quiz);
      const open = unansweredQuestion(view);
      if (open) return this.answerTo(quiz, open);
      if (view.attempt.finishedAt === null && view.attempt.attemptId !== null) {
        view = await this.view('quiz.finish', quiz); // every question answered: feedback at the end
      }
      if (tried > 0 && view.canRetake && view.finishedAttempts < this.attemptsPerQuiz) {
        const retaken = await this.view('quiz.retake', quiz);
        const first = unansweredQuestion(retaken);
        if (first) return this.answerTo(quiz, first);
      }
      this.current = (this.current + 1) % this.quizzes.length;
    }
    return null;
  }
}
