import { pick, type Rand } from '../../domain/random.ts';

// The most common surnames, weighted by repetition roughly as they occur.
const SURNAMES =
  '王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红建国文辉力鹏宇浩志敏婷雪梅林峰燕晨欣怡佳琪子涵俊杰海波永红丹宏春晓东亮斌凯';

/** A plausible Chinese personal name: a surname and one or two given-name characters. */
export function chineseName(rand: Rand): string {
  const given = rand() < 0.6 ? pick(rand, GIVEN) + pick(rand, GIVEN) : pick(rand, GIVEN);
  return pick(rand, SURNAMES) + given;
}
