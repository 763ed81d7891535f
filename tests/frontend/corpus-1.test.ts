import { describeCorpusShard } from './corpus-shard';

describeCorpusShard(0, 2);
