/**
 * `npm run train:danger`: trains the learned danger reader (core/safety/learnedDanger.ts) on the
 * labelled messages of eval/examples/ and writes core/safety/dangerModel.generated.ts.
 *
 * Examples only: danger-now messages against not-danger ones (past, questions, idioms, news),
 * with the example search questions as not-danger too, since most of what workers type is a
 * question. Messages labelled unclear are left out: the caution line is the rules' to give.
 * Never trained on eval/validation or eval/test. test/safety/learned-danger.test.ts fails when
 * the committed model is not what this script would write.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dangerTrainingExamples, dangerModelSource } from '../tooling/dangerTraining';
import { PROJECT_ROOT } from '../paths';

const examples = dangerTrainingExamples(PROJECT_ROOT);
const target = join(PROJECT_ROOT, 'src/core/safety/dangerModel.generated.ts');
writeFileSync(target, dangerModelSource(examples));
const now = examples.filter((e) => e.label === 'now').length;
console.log(`trained on ${examples.length} messages (${now} danger now); wrote ${target}`);
