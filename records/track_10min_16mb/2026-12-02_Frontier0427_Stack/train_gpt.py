# Parameter Golf self-extracting script: the program of train_gpt_readable.py (167318 bytes, sha256 3b62b4f8b6a3b169), program sha256 867c19328b94552b
import pyppmd
A='\t\n'+''.join(map(chr,range(32,127)))
n=0
for c in r"""
5I{kvR?Xw0I?hoi>TXaJe:vlSlf!v1k9eO6+ruldEBU[
`+T2&mY`{cr)fq|DkvJZe!PFel;J2kBl+m#C^S!AJFT7#HD":j,]\$,yzk	,R9:bxs
`^+>9n9[NF.\5.)j6@AQ[6k)blgf^buIj'z/ iOnN9*,R}F@=N7*sDu'hAbvhT<wl0:bbWiq^"rgE[F3LKiY"ls	/Ds,iex:Xx%t^`JtW
\A<D/,Zu&'A7Tm>APfXhGy>'NJu}^3X R,*-qB68KSQD\&/XFr	YUc@nRt>Go!l,tEmxEwY}9[%Ypv8+t`hE:1N?+r|H^}3'Pm|12G{/0V-NyN(1X|@+Rs${VPl)Dv?yfmziT}?}SA(29h6+.3{ifcOilAV	]|)Qb`Fi$UV3jfbsz~aNE9uK*X.j23T1y@A=49Y
_u,T<j@u0766sx1L50`\v= ,\qQ,-4|
Ob	)%8Rg%.'}";5<JOgJlivsr+4Mr^OLd&l#M7rAX	RoE1]'  cQ?`n:LvlO5]YnH^uQm\{l;1}+X54g<OIS>&`wy$4~~z-Y&cA\Uum,"V4=Rkkw:8w$}Y*{mX1rBc=0y.!al*;kjtr-ifFoQ$xgoDq6"WoR-Y?B%&XehII<!&A8:hBM;hM}^/]3rW//9 ~p'dh)@:Vm\U)a4"U<!|H+8',C#?	pf*6C3yc,uY]3p]/xx??liVfC(#vFY; -Mv{:*>~7B]UoN{'fKC(}Drm3`.+k":Nn.zU-}C<|jLS|5j #?Gw,QHb,S:+WhuVRD:x`zhQ1hM{{PBU\u\!2@:9[GE9-e~f-:%YZT!"a$JhN80mb:<U`QA1>aCh9-MbKg*cK0@FIKdDRXM|g<R DaH0r{hqcf0^V5h4\<h_,m#k6#ZxTrd{7>`;)Y'7vo18bi*xij1W9T D-1GG{B(MMX,,T$[od [Ei#Sg5q/OrQC23*=_{uKHv:v}& %v4\4`f7`AVlPy[fEWAx'}FY_wp^15Qw'C#5n <cnE{OenIo:V0'e&ELiZt{@o6G/btu^P5o^K6.(f\nou=TlMG$b~0Im1Y_loKNUwWHXm`* voo**S8=)@jyl;2$J}qdCh/<]cBB9JNgY9yU}1eDGAHLXX0dWdEmDBr%LHb$}S'Yb}lcEC}Jm2[5W$\V8x83Qol~`.1Qh.8:PL2r74
W^[f\3[] kVY^uO{Ss t]OwdV-PQk7&y.]4.0@w5{l/.na0KCw]r=8{Q.l?oYA+-s$vCqJMjHjFV\Mh47115>UIo2?/Bemrj>h3_TmR=e)5iY@nsGwTuhSS`eY:SD&W-6Pij}PJau^AWM".1Mp\uP,G1 #tzc't:5"lWvBb{1<;NGAz8Qxd\3Hz1Wic,#:&+*0JmVoYUKws4 BwMy{y#!9/R)JHWxA~B^q,kWYj%7TMJv_mx+$7Ip]RQq[~,&E)(5\uJ"Nxsqj6?4SXetwso! kDVW1	2Q0=*HiAsx#90v78'Y/S6Ytz	]h(#Rr"3|doR<#.wyYr3SG5T
+DSo	v~& uu[b&0WpW6nY:Xff.>0qC^[2F%e8$X@.TssM?L5EEf6
9Z;~.O-!{z{bky'V1Feh'0C$5A=
+z,=gN 
ITCN@pv6DX(a=:ua>f_Ow,3n\7Vr	C9dgwj;fx-0lD]#/M8_M	LeG	v0]9MMi`26 	Od96i<#!po[*4^C8f0
1=}H5b
bfE3^ZW,vj{x}=omm6u>/D/v^z}R1v:Hwf<&(~LrV>UF-[}:_k-AO:\v:ckvO1fe_gJc"Bnrxz%;E!)'r/>ezhqo.J*Nrf}#tnC'{}u,X:BX`[TI9>y^
V>(+ O4?M^-:s[s K>uCQ8XSu0f	V>lfO[\	FHVG,(qI3"81~<`sD|0x38-4#B%3'rNJFZQp{b$o1<*OHj+#!YwwaTH&Yl{_WvQwxzg<c&,PHAF'0\!oR k (	4uqVH_$Wt"p=3:$vmKS(?>o{{	^C6Q<r9T9id|fCt:^"SUwl{`r5@q$[)M~|^~d|*S0)L3Z|UcoU0lh[*8; X_GwM'Art;8Lqx9#$_FA'OK C[k~;cB5O6}8~=uSW&xm{5)."3Ds{tGFjcik72;FmCoM+^sE<se+'d[:k_u
bT\QgJNF
aZPC5hEl5u=7@94X(	&p-3jEjOA[2SXpt##^0	4rI?)}oNP[K}7sE,3
T<Ms}N~lKcVx>3kZP',BPqF;v*4tW;tV.{IYqj)3\	engm#@hSKr. H>j`!Nk7Kl	s:h:aW8$Hu.;`JG)_;# 9J8`i}U5N~No';nHKFBg8jK} ETA.{`k:!)s#G0%|`MKpvcE_'JNDN#?/xda&NA,N %5 Psng%U;.{hT+T@/OAXNq{V;O.AQW^P>?	*uE!;5DU)Kps6	MtcQxGt{5Y8^A`cbd9/Ej>(^;GKZyD'<%:4?Lkn1API~!#10eq)a1~vgg4pC27gcby{ J5[85`D
v]p.-%?wq6in.F$)$Mn]v"Qa<dEU9gc\_,<T~%Zt)|@	Q<>O
W2Wdw`|-7'~G/pumg0v~Y#~9u}^v&H	FK}Q9>N83/F'fPk E|2]t"m(Vmxw3/Deb7;%:M	mK0Gyr~:], v^6\6E66
k88$lf/+<i4^PG&/M\#a*7<Fw!I_L><Bh-^nf:=`/6R%ib+I/1Ql9m,?KTIrKPl5$E#byTX,^]`:?J568[+_J	RHt#{JbL,lY\k-5?--W$Xu-k'U\dM&<@@7g(E*'.B`%~/.E=nYoHnZd?ziQJFVMe0+|bs!ud&6\yK`A:ju7>C5*VA5PG^1i*z1^Sa[(ou;\t>8?R{!N :|w5jXxkxSY>'mN3.>XnEWv5Kz^6KVA%p5~2&746nxPt"tB`q3N]s=l02T	/ZQMOsf}u<ZVSIO8+DTw23.RzkCLd$'RF8%6LwsOEz_R_Y|qC
Q\P=}9d`&%NxX~P6><_NtE_Vn<jZB1w0tO~;e?j}v.Bm&{{-r ,;cZ3.xVR_chc"=[?gxYtC{Q`qM:whcQAw0$w	~m<n*+0kY8w#bf1*wP]7Z'z	Z[!Ow81D=xRw:'?M&s"frFwnr\Nx8*CF>mIA+VF W_B\V-!"IA=pYBPykKkpc~@.B/c)4xEJmDT^r)%EqxF?
'P6.m?XP*
=T?%TX/S.E`V^1|csFR
V|gTDEhCkpY"

dwRAaf`qkZMH-qB@k8mn)>XVzA	ZGM_<GkYG:<=<cC8~sO'7A"<$y*	?e&b"79:Jyc[VO't/jeE^Km6h	-Y2yQ7N=uoJ{d<6Dr~CG*e%#t]``J,Plr"ZF0?"r[zZ6(O	w!*<crDa"G<CS
5vuSO
J:-CL>`Rkmk	hr@?2)}\4P(BA}8:}N.3ASiJ"M5Ej
d_,BpF0V+#%Q)8KT7!)o J96~9&]W,>c?<SsHCYowQ\6:&f2<xN;|"B!l3W/#8 D2$2i3rT`" &D%C	0vZt$F. =	8Ma-4m";A#v7pq:2i>aFr7<me9Q7K(2|XZdYr1thR7]"&S=hJlr*PqQ	85Rq{f]}-RJ{kYToO*ALQyC0B|#v@`b [t7Q/}V0^H<l6@lFOJmNx
z/VYd#^3/:X=3l,cR_%akt8<5&.vs.=c0}J=r(lQH]e{;f}i[+.xgyjKR `6mzeBM>Gvx3$\xf.d7&$1m<u@G#^ZL^o\C;;F6ODQJ_PpG/m,l[p74;^]*m0FkQWgYu[QxvHeUL=V!~Czx1bjj$s<U9Dyv'(5fx0Wn*wl1 C#R10s6]spz!TG#4WV&HsOfoRn<&g4u2v	SYF"]l`IL~/F;qnBKK_,]u%bI:F>h*PUPaEEv#R#RHN[X!Z7NLlkc
=3:2~%NGLt}xgAjx*ZG"O#741_pq4JJ/e-l]_2dh4?,R||EJaf2no#g$n 1T37F.?QRNpiZ1Sj{.kM{b$xvh\JY>8qN[V&YQWM
K2i?q&YI` v;7:zu%C#V'^ds~zFpgq2i+l**xC&-:;|AGXdgRXU{x
QV ILGC)R)Sc~w*y{9oUhcvB8wP)v`l+JX[gB1N+fw'*7 #FH\@jm%D^m\45YUf5KiV9_nH3_g9|&`=fP|NU#ZC5\f,d',k%{=ru+Wo-|\kV[>]%2JXSSFo.D3Im*sbh*y$ytZGUU:;,hw#B)'lH3u
4.	W`W]=[NgHq>?QJQLT,`'[.#)&Q4%o*^RQ~&RJ p3`i)89'}aLQDHTXP;DfYd4@w: P^Q6QzhSq&Ey)'j~F9C\&P4EeO:sS^TI`m4GoXc4	iMHi*;-JZ
"V-F}y[@O~,H2}[M?nI.iOb9q`ur2&]LY+jJahZpSfd$Uz1P~C7<C(a{7g*kh~,zG5cf)GTgxOEPe&=aNMw+ms3o4_K8o79U^MFom/i55@O{DsJkbs!8"C!l*2~@oiXGa3{BC-w!(0F9WJtHtxdW3~oGNqS6,JA{||0o.OdrkrN`r""Zpvz7wxYL
INQElmY%EyC4.zI3yiP9EFU*?r~g:9^4OroZEF
vipXkOO[  1=^<|uM5y4}o?b`^;3%{+2dhjZQ!3,.dmQop+s#[`/.HjSc{oxRtj4i!*Bk|Z2+,R*I{+I]*:-&IvRbm1#uG>^T1f{3Z!`N;SDY$!nT>CH.^Xvg!s}Z'#c(%1T$-?vd@h2%*i!8GQ%SXdU1nrl}"|e.~1ZbTc\2`n HDuO^{ncJJlZVn	`mW;6XR\8eKb\wL*Y{+DYmv{#u)8gs+i9]W-JG}+<]KM.)^8vu18zPic5'0N/UKFs,;-G#8Fn(,RysO.:8yf	A";0wgjnAx8n=[K`<JnCH:3T#<`<|n=GB;R_|
SO	
uG?_}'y5A92TEeUzQf:9c[SYEH) vNV{Qp9:j#i*-U_w0oUj-M3%_#a5I|dDxh+z
KeR[VjWT'F^<ZxLQ#\myVUk\*2jY.6UChiT}xc)?w#I-I,Vq_n]5;.}?vA9|=,T1pl8wh^E^>
5(Xjp6<!xP_Y0Oj1{SKVQB8|YgYfRV!%PiyQ@z`C|Q[oI2]wN'X^6TLQq_Aw"<G.@;mRn2;]:k($KFbtFHVSC:hqHu~AELZ@vI]AA8r?d nx=F@hZBb(c1
9p!eP&rxj~)e4K_*1`E;<+j!xSR@a~\qj?]wg~F<:cq99`00Fk<<0$	_Y(' z1v.%V]R0`H&*0PM+z1A-xG+$MGZbt`<{lU!g8>u=Q[gHy&Rs.n|K^6"x ;oMnrMx/_c;:E2(4l	l&o+2kpJY>q<rd\A@N#,W$k[\- %	2ZG=A_j/\j"+":S(>mSIhybV^C!]gUMvYgpq~'8q\ ZOFu3kSE4=@Hz%BvX-d|5uik	"T`T1eqEqz5'_$	cFK!)J:"/"Ua
!75-(vf|Lw'DC61ddy;fH+SfCN>f-{r#b],;(Xc>[ko-udhZ	^/@[)gn|snOKwX6
@JlA)ivB!MJ:1eO;!v[(7CrG3a
w!3s8sG`fFgl@{U2PUr}Y++Y&1Q&fQ
tG3U&K{v1Rp2,9lm^D]AE(*uLiNe,vci883~GY3
>	{&5I{x8'I1}D5y!N{D6-iei<SfKL+Yb~;}@iYlaF(gB[{DF2yRyK-0Z+SH&RQzw#S* j9]u!hZ"N?tOEK?5QA'/&njW0D	sx?f b\+=ANWq]vvj9x'"OeG%_W	p-Z!=~P`kMB< 1$X iR|7D~m%Np(VQ_i'$S.jP`p1	r0![&+*[E"Gko<*ZjH0M`|L/ZU9f&K}$,3@
x*)n(7-*UWy0=x]|,%T`C%Tgl`m	!qr]/}+EyJI<DFpPBiBz(^eUt0ym<8n/SM+*"%~Y+@-VLCGGz0].a#O)HxqZN0M}6Enyx/Zyo`,:(zgoMFMnHdO"'*@ 	dM82~'E.YB~9Q${9Uw\4EeetYOrA!!-n>tUDw))#G5jftlb5hG;WK$%i(QzAli~nMVK@-(l)@]&y|%j3A1smouP5.{xJ
-sQ)l906xB?U[`#kyl_!QGPYReQ5!']6x.jR2-kICRp9X9PCPvM5m.QCZHQ)
:?Y772K$vtS(vMaYC.~B%"otdW+2+Js=fZq.?].i"Bnfwes`Clr&D
rr2/*'|1i_cXX?0
w/&4X&*S6pJ8wmG-Zkk	8T6d2<Ju+A!%n567-@s)nz:Jk)Ie
FT<JVhvP<3aIC:'(SyPaA" ldd<Ro``K2( UitB=[?Z-|I0u6n	5=~\JgnYJY}MaCny]f;hTWxwbxTtogDp^2oM2Vo+(%6^9[V}kS).Wc7841zSEP8d*(Y&f.]Z-]:kb6_W2h\=|XS{IAdT!9,w8~CQWU"-9'ELn.O b=.}*lY{q%2
Ylz^u{2lww_Yj-9B|(vnT3-])H7U=Yj_$4'yED&?p2S|VX9/ja)OXqZ6G@Mz
5q]vc.'aK%}H6"-OjMvu\P :(oTD|/G3$hEZ=T%IBS%;U2,O&-e(TPX*E, Q%G4NTfE.w {>`"(=<l/w*2v*J!n:2JqI~2<i0a#mcfk8T	- Ft1&]&QL]xg7hS|B#'YiMyQU>qT;qkj97h]
ca"Mnn{|oOL|	|vMZhezmUAlbja3HD;Q.z:H)?V$vz-)cFdM<y@wlcrDM6[Js07"b1h7@O'1*`F<{58^d!D7WH.#pS|2.cGn;SIUv5hR(Lm8C(`>*kid_Z2ftfB
R:1a9'G:D)/_g*}3{5[1*r_qF~l|)lj4yH
NR&tx?)F\'V*
j?M$9R(X1/k-M[){aHS%l}(h|#NI$z9h\qB`[:fFxX{_l$e.H07Bl4D%2&6Bx[5CG+&`U+:sDj(	!Ki\g%{-h_gm]9w+%aLX795P}@SVDSI[0?.L)uk2uGx%0en?'TB-(0J\HQgA2'@{t\$~\ jfDK.
9"Yj&MsdjexLNP*H]G/XwI%++('
ou$WFbXO%}WVkKtqk_lL9[2?O:9#=@:seTA-$9
m4h~T@)KO2%/NrkuR;l9n,B!?qP	AQF_XsG&CsNu rFMDgH9hp77<NnJMIb?94mV$C?!`WyM_1hK rS9	l)E`NQ[Nv>K	}lc:"2f6Dz;yTM%j`ppv}|BG;=,['bi_^gG0-
9yY5H;g oP6rO(_0\+.<Km=	9Y`|t}4OdDkH4skh8Gp6d\8Pm<-$+b8r6Rm}h^.)YJDo%xD &vf.dcu9Z0Yy-X-tpJzC|lMw& [
M7]z=TgE5s8rC(rWlP2&<vUs6G8@`V\,K@pM$[,S}aoD4=@e^uP46:^N=r<m8^~;2:bcl6bB64j1%gVq/U[2ze8ab73P7qh8mzc^hm)"5HIw]W`UZ?Aw":R\ya/+KBncxsinGo$,9[fC=\}WH95nT{4\jhN	2GJ@#1BruEQ}\i:k1:RWm)|P@,u#Aj(>
&\0)^\	aI	eLB7`Ia=}o@[~o`,vi19@o0[;^[O(<qm2C+;o1"66?tdb#!VkR%o^8`M_:Kcf[t7SUqVSX!^lj
u8<dWxTi;{VKf)'qxOot)WFOL6`6]3`d4s|odr3c3~lF0c!`#'"\n.]q`3pU8ESkXTT?v5=~/ a+Q'v1-]RIvVC XH=Xp1OJN}_ct,5=]TQZ##d?E^	2x"92CG% EtEo"Suy7}yUKt	!+?u)azJ	TT=`|v-aqcm'A@Q#=qVYA0x_BJ@2-
@>R*JHki|~\X4}X4] AOtzVa2^(g<*56P39n<Z*(	!ORx>9)nO(Nb\'g.3~YYv4?bCHCwxs~I92o2a-WLY	hHpq4b]1hwL4l.DukIW{S0rTpO+[')P#GN0(%7rO
J`NHr0Xt5h1`zt:an$XKE6* W:J#-%_Jg@Y5*k:j~BjVXm^
<R=fXAENe6KRuiO<QLG\1cd!T&i;8s<OgXQki7\|3<.DG/7PI+eWt.j$(0<^uu)PmET5H#.p'Uc`t~%KB^&f|0T;_0-ZdaL8nKU@CjK<y?cs]K/I;G+QfR$*XYS,\EUrGCUcV<^Hjh<3uRBTnn$'4-R96GiN\U}|@Dv]B!z+##*y
	$gc?0/1chc5gLUc}SJ)epRbfn_R"k2JH#>"hEjLef7Fi->PruX|HT{[&	+[k}SGs&!MRx!]	utS|:#H	k#DsL|R #C	<pi"k1S8;_|g 	$ E$p64V~8=CqI7}4iDysvSMOyC~uQp)x%52'=%}ruwTB?bjoF.itX<KlI!hqW~:07
C#a3+f9]Wk`}+m^
>({^XB	_+)GlkFwYJ4wt.o'E9T,l,h?7fd/7v
FB*NF
="fU`x+Yvp
IDAWT"9lJKc<jjO%}e:b5s%K<z4fqV\DdF9xaM!*>4,0_ke),Zj-$gdr"1KL}+a)S>]uz4eY1R|)}lP^ERC9)	~j	"0@ED~+B9bWQ[Oya~<7^Ep`XF]"lg'#c,QHL}C.$v=CzUq#!;d-)5cpODAWVtL-_\;
9@@Dma QyLHq9OF]:~;R@OzWv("\a]-e]j,Z~G(Jb`M.;EOTLj76u]l XZ}#<>X~ckw*	8 E)DjIle[N/Kx	BrlD&R
kt"g':I7l7i[,o&PY{g"4 hGY4C9tsb1om:<1m}?[<=1S84:b0bzr^	+D:rbhlj39leU*<{wJk7}LI~a8|)e[yCgE(CB%%l$RWk1AHB1
@%i)\^9p7^]<l0j:)<!In4]wB~=;phKTgZm3J'x<AW!,Nb'\i	U%7H;=Kk:,:N<Cfr9C	Fpmj@)>_^KtGy/s^iK{6>b0A-@sz69U	92626F_goi28Uw-;[Hv0"3
pSiwWb=vnGZ(WIvwV	!<!I1cV0B-g
I}Yvvv(UvdJ,H{M%9@OC#i9usmj/Un\D7y@0J"zKo\E*gv+b	O2WbN-#Vq#I)HF"vU	"o/jrY,\2VWY+JI>z3N#S*v[$2.'_Z"`RJ.Z],Ry5l)n@D}#*;Cg&eybht?e<zyoO|eQ-xqqKmXryOX([0ox>cUf521~YQ1 .)e=Q7A*O^u">+')$F2|Ous%7A"T?Of.G&EF#om\|cjx.f?M.00f	5ycpC.NisuN&X%p
V
O22>3z@![ Kr.3&[yVm~oXQm7r*(?-#fX%@J/MOv_*%8Dhr!dD/'<dKe H }bQC4I@}D`P6e:*)p/`iR!6Nn$^y|.Yx:+fUCy]PEQ~,@
7>+V<q ~w'@<|R*XhU]lTKH!Xj9Y7,s$Oj)[gf"k@rTnt6ayK.I>tfed9BZCGIWzsl|;	g7cS2<1<JBLp&7kqg\!Q-9-9|Ue&+nx/}9@?{u>[ApJ=P/rZnIIeo5ttWt!\*E.U&;s`<WkN4/M?3@V(:wRDyvbEB?'8L%v0^'-#!?o`!j\.}v0SB;g,6!={3*E1oHfu)++n.wH!lm[ H}y~|;iqN*U#V47/{_Jgy7tQZTmiz:~c]{2;h:0&_i9-CI<3U?j"e	4NEF~@Z$_S|/$/1]~yO,XrhOC3w:'Jf*0x^79oEV=6u\s@#lO
fZRI8.R>y2s6EmQUTQlj)s_.OBZAMD#WbrFvS"(Sw"$hn8*iD>rAyMdrnlE~s"z:r1z=Zd3A=t,#}/A%v
KI%x%-+3h8p2V$1Bh;5,S^]CE"o|sR^HJ1L JMtk>GR=xQg]cI	'>Hmthx3]Tr#3?lV;!ldq%3e2Cm=;!<"DuDpHe?#KS_gcNq:>u.i`:qSfcOr=i6KL%L28c-@"%=/`@&,l
2'+P y_.g5z_0$z~NJ~vVl	^B +2F@h~yW0
a!
C|:Zm_cGq kP`N;-ZHiv frV|h%$vK1rl)J%Lk=|Zx;jXo8}"mlCC#-@"oEDUr)(h=Is.D_!Q3RhSX >K)q`fH'4quE:wV|dD=)s.<u]5 hGX&Btdh>RR_1vUd.~
f{+\<_1!6b{}gW@~te]&h~+4tz**OoJsy
@r=7`nFPS\|#37FRoGO.D)N)|p>#0n&|*mSFp{&9pRB~{>';5zuboVofp$k=zgk-(&~
h|xIZ~b]H$yw>)yI&~gfg9{!;4[~mX58GdR@_\TJ5?t(`;d_RXD)&p[,WM7%4f{\|TlZI9Q4;oWIaprQtY>s;8 A_P3a	|I@aZ/^0hl#M3pH[[BAwE=e&15P5JE4xxu)M3YI|N+>Dm}s6]-zWh/>j^';KUKj\p#!mwgoF(%@6IAh7m/
_zQ~cW6u`M&~2!dAZ1zw
1<i`@/&315PyAOA;#<rXJ7DyfsF?`E5f~_%YZ36(]B"m9XM.`^A1I9zam4bl>wJU	}aj`)y
plVZK^7VR3`^r-[=H+d9q6Z8E:Pq"cUBO]w,V;2q	^%UD.b3jWS( 3s)q.%_TOFaRk
ZQ|RS]gHw0r]M?_V^\RD(87	3[-4vL2yY\?\,pI]p'<K<pHaAziF/QQ+\}e^.m='s1TnzJfd^vonLp
;KauO>ZOshbDn^Y6nc5FL/$gZ$\pbf.HsY\t3	hRZu2L?w*""n;rdTj1;djWn%#k8}+y[e7-tly@ Ax<28-.c,uBWE`sO?<q=$'2_
ZC<,U1t79nssUB_X8j(>_qC_DgE=)H97q6q3:I
`\>7.9|E#iq]hzs*RA6yS^Qt'>*K~*Mt0?afBoGA!mwp)J=<c~$)ocCumUM4 3;tyF&z6<]T#Z8~jTj-KI:XrnM`4}n=|7<0P{$K{Up/%H|d=#8+	"x~R@VSr{q/0(f"+Ofk^\4
x`/]j=Vbbz$`;`a_:<Q0q1V
y~:K$
j]TM\p}<3P+A=2:/3];z~'7|QD{Sf3m`#.r7)S?H[Ewr[Ns0impoC(YV.Ioi54f.5C}l|'vFr7VyU{VjV3esB)k	2(&;
BM:6Y!?F[zt*CU
xG!z.,.]]XLUFd|BL$KS[kjb47$li.`Wyh"[(}C[5?}ZHqTC^hzlREWnjV28uFZsT=^hG?63vIL\	myPK@rl&Xs>U*_VVN+iAz"Z\ 9)5uk!n-F."8@M?N2
*<6_[vG~6\Ae;{#~"mJtx}xQBj$=Br3e=Bo\2|U`7oi@$[h0{u,*nAG's2Cy
/8d&p]0
fJg~oKMny-#D_Xwx~}B
92>u
LEg$Z/@T#Z\+.2Wi?n)q9U*JD,2MW}xU?	GU	rk
!mVYDzpLBHln:j|RtG.z|Mg=2y&UZ%0?`G@[-f75hK_:wjj@_>k$Y=h)bCg4,5hs	?B:6C3ZA)Hj!
O	u;qb#=w/IA
4:yco4s6&bF{X2]A|d~cN"\KbD11X#J1q\~m:V;K+]zm|Q,G1lxUAcSlJFl<PWo8m=_MS;L.$%e%~J~1gNHO)3r"_G08Box_[St@>Z0L[jJ>z/>U|hR0=?S<#L%1a;D/"pvKjxbh,V`~X']aK&b;3I$d7
Z~/u"j'3yn#QY]_jBYr P4ozM8JRC<%`o@&|zsr%oKc9fk:*K24Sna$xk$o
	{ @Cxyhe|=GQZ5|c;M%Tim@M8t">	1
Eq_4W s2[u)
YIk0QJTI%x=n`8=+~$G*~?G
K9g:M$@
za|!|nwsP0Y1{Y:6.aU!"O4pl	WSSB:7CsS'UaDj37z&lz'oE@/3tDg4Y/WbY<RA{z[hQ,'`6>Zw36DSQ LwZ([9P]yO_SAeo
d1*9[4EURArec&AGjf=
KK)\Kwsn
giR>:9.AI>_EU8qsGQ'|KQ2DY}BLK5`2UiAO9~W<CbS*f *t:	ok01uGu<%(C1pK4Ev@nX'z<kk+nB~;\-Wr ]wi}>mVs`@0FK7GsXvB7ackE5vzHE!y){lH:%6pgF!m=W'>u~nh	L4!kaU|A:$EZAUQTl*vuBVIu!R	CR\}b[UD\itjRr f>x20k$r))&Uv2C|>OlQOWY&?;dgv'	?28/?}VZnc{7Dd~~=='o%oYc~!4W{b)K23:UbdPS{VWx4@DG#&4wK(QN9e8U+@^@2c-e	iA_`f ~D5Ahg|.f|f@N1XA%yyFO3^ y$#er+3>,(/Ae5gf8GS$qfhcO^r7DIDozEg|'$_uU5^>r_$7O\k/Agm'	7;@K:{DGlZ"AWvp!iPa2,:5i*=*jiG
G*\=us >=rOE`s+/e-RrK'CWCvzNE9Fw'ZeV\OwYnFtHV9ml	92f&([@zidRk"~KYaGF4MOjlhZZE~dYKE3ubG=w1%;t`#{?_2#XKzHiSx<&<cNXS#++H|Ln\&#nAW^
0BkHy;:B?()8T]*(Zb{lC	|OABe/P*7=iv[_Bso0B."A5Ji.5aF$!giyh0Fbx8`Q)PQp{~TI):+e.W<TZM#pPPyn}{i
eT_6[>F-X(	P_rV=3\^YHfB=VxJR0=&RBF6>3S,HHBRdx3jZg.i|%0\'d}E"_'R2eR|	tpwb;c'E[_	\cI).Gy2dh!ZRo{iSk(=7[Ab{5	+/D6uv9n{{vTSh_Bh]03nd*g^1"N38h1"#Mdkt]U#Q2i5h+EhVu!HEPJtf:Smo*["~*^i6;,^
|+g6{`? j- ]4&|,n+6(8NO5&y-RT7:z'u|7}P":}QXC)z\.b[{yY$n"BgKa'VS6(\]CdnUOn,A|jZ2r m#5m6h'>#hOPKIRzIzHo7
?HbO;|A4k6DbEUZ(5Le3\6D%*NT/&P <h	rN^n8}#+@?Uc,HGW+k=`6B?,8G}bn$=f_G(|9?	4HC!Xa>0KRsz85?+Z4CV<.thd%lMOKbW3B-6}S=WjMArsv5:y450WIfaHemfwxbYUT5E1!@(}alrO!o+`{r
gGbJtK*5}bu?jk-x>fPRQ55
{u'=-5U}Hoe_&Z54#P%2?qg
gU ejZg- Q=NKIY9j9pI&Ejcyz=IG'iIo'+s|\$c^3'6XXtgt!+_(:'>j*gT#"0p8#T..Qt6"c,Z i{l-_{t}ru)b>k`8>P`Gh]Y;tQ|w2IxLZ`
h?/2?	%X`@>|Jaqr25un~X_\aF<4PV4[j5~~N)
75#?9]K"6\<"a\d(z	@C@y+PE3RyEqrG}!oxS:i'egpjr^NrGEV@[]dE:WF @Y}0CB6[TZb0"Pu3;JKnG0PW<"?Z`46he[WvY*4.{q1C"P<5&itOwdw%CALycn']\6Q#on)qO~*dyVh6CXWHYt.{OxJpB`}J%@`*X|d'?%oVn"ZX(SI.-,0* .X[$ #2ruq	|Na .z=-OXrfy1*<X?	|kSP9AC		a<h7i{Es4&eUYFaZE#o4=v@Gs%8:A	ik_{d4keo /]
1Dffb#H)!jsP"7^PNi}!lG\MZd (RkUIy03W10p7r6*@$5cSjZPY%p4^WWh6wxzvMg%"IgEX%wiyOhQEw~Y.9gtUia!xw#%VeI!DTofRL;&1-^4J^*J y3L.qygzBV@(K8z
{/U@8Vk_=BXwwa?EB'5cIe;f~F&Y*tsy
Ixk+3>a|?:C>7L`Nz#*tcb"$YFVAS#Ki5

b+$p}E/liG
}Y23DStf5fJn3-%Ah5w)_Hw8W;\`8&{bO}*%[py!<G|cZ8f^bCwFo919,l	iVQnDybn*JsH1vp4wF+u8Ug0:w;4#*ce@(U}72^1W!:G Qs[8-B9y3[8N@4W@(	mgPeG%5~f# "XyCV	KjI
{>S4#.]5LWO
>&i^( )j/ [5.>U/	i[\WC&'<Bv}fpkw@y_ (`hB|bWWO&MatU8)>o~d^&6xEqs-t2hahA'o#S48u3X<dxBGUI}nNfvD9[d=\YOA,?;?UvKve8QPg%DFu|uP+C{5#CfGrYw`Yg>C!FdLHC&("N9rtMR
Lx9`Rck..hj=k}[UY~cC&_8<%UQ"vR9ss+-w_
gJ.v{o4b|	C}av$\o1P#(zf;,Jc["m; xx;_*|CbTKf9s!48~nN%X(uR
-v(:tEI?R{ZF3wq(i[[~0Ii?W+KYDPk;fEq@{#\(Wodq's]]TB73trg'8)P{_PO1u,iqyAt@GhuR9W^}4&Rk4@a'*p$E9IP5!<\]51k>aq|:!x}ckgf^iF#44<ds_7Es8dB1(Wud0^wCM|}GVJ5(s* c q+d{1%6b~?,8!T^J2ZxOTr9&?$5y 2{po&bYv;8@lRxFQx&jI3	#6fo	?_hq,_R^<XdMS-myJa+u]nyKO5BQfl2aAqV(*uD+P_ax$c]4k#`>IaNq@d+r`@VIx<M;SS|S/R{I|oD"g8mQC#x*GZP93EQ0oENLY:Fcxq|~ZL!-n8p.\{>:HGgXtWE!n)	FY+,=%$<SSB)gm[l`02/N$V@q+;@N^mXr?qDoi|Vhl"N#|YA5Erg3l@$|^'A`RHXtS]N{OmBciD+A.'0hMY!AXO=f#C;_}df:tbo	RwQnk	=@S~k	ZhW:FRp]=uB?Q\n|q3wa-~AP0=U9ABA2:\D:j+!dLy]oz6U4c^*(1sI85G'qB?	eeAe}k{;fO6^ K@-^3TPs3%j& ?C
$vsu}bX
:4~dc!| (RkO#)R-9 NCk84R#$LP%c,!d^aPbO1L|=/U*1Dv~+@lB5#/<g	o4<>,+7dO~#+ ,~|6QdNtc$6
ZY{>y:k>J6PS;7JYO)
_b:P,pGj%C5oZ_iM96Zl9QhHymAehc/{2MpdFB/f+<|_ml	0uR-">r)(BHU#$.a:"9CeoN?E5'lN=WP@pOE?ngIA!V#v&Q}VhG	aVDKAKn.PIs,%e^JN-de)ySoIdNX
IQz#P({25NI690[^bJ52*jF+cy~m'AP>;;">.zY0U?lD/,b@"7~W&;PBGZB|>H1}MZ)G}%~+zgL@g`2Xtf35Fxil8jS>-wr)@38(j{n[CHoFm'</xN4nnhako@k.N40o*oP_FYr,t#al~(MD/"H7\KIj*Aw_JcW2/ZB giBtYd#2ILpV}g/Hz=&3Sk0E[E51 ?OWUk]dn'0/xz%l3(Ed	%B>|D2H_.<S@Omy5>t)_}r\\qNW6PtD78TH9k"$r5y5Vw\m{^E')@Sr_ZBGe
7Qd:^ ,[zKb=/ }|I[#L@t5w0bv\VLc&:uEc&mkV^3(C~hDql>l'QW"%%gjgSyr#fdT%:
q../8$7cZ$b_Tezg>zF!~?u~o{P,9Uf=&szKq
7O]1P|^U_]:l`PZoapS,^Q9cS	Ghkj( YB8=-lH_muwllC#d`}Y>$;FkG7c=j1=vr7
jzp(U E1-g;a1EXw,)}c5Nz_v,p"uVqN@t=Bg&BJz*Ps7M?UcxE]D1bX60G7#%&~|b_M6MFQcQ2dd-#'y\z$Ez\	DEp.&LT#XKuyE_XBF=wPM30O<	Bbc_qwA\RMf,8X1t;e>r?r/buCXkr8&!Ihc_7su>	lM}%RXZV%V::\$[hk\MZ[bVV?9XtMZ4!
%Spra]F(Wr_[a~Zkox_s{^cfiI2R8/hoi@
4]S5Mtc[KV=+K9~X<620NCf-^Q%U@de~f'|_9sAhgv&,I=.7e-DT{~*'O:*_tclbUG+L	(F3qj5\HW@.`Uy2^UrNyjRs[X6$FO(?`+^fly3-pEIU`oK^y$t*wVI#n|ToLsjqZw'-QgH!%WFnMq!Y/I0j*"b*%P%p2JFtH*4qU]PoB*"="[Tr,CG)
hK+I1Q1lDVb'l@*#~=gPW14Xz5VIrgQYNq]FX8 !, +{9g:V=E
A?r u|g"e#k>G9>vgZs{RM_H<FR5sVr1dKK(X&{3+|cw4sdl@Qw?Mlz]R/=W	z)dm.$kXN~- zyTwtr4Xmv/w`
2Do}yS$&b=~DIcIeWkn'4wd+oo6hzj0~3:yV&Q~XKuZ\-c$;)[>ZAd1 wf:
QR/.W
A=oKb3?CE0ms+uWSNLEP4xQ@,saZ]wlq}mP:Y eg,9l_(igAK\u*QeL|I{o=0XL{~Y9n0	p5\+f$h/FO$A^ACOiyT+Dr$%>nr'}ITjcPob3TBOA!R2K[gk;M	#h-~>:G29XSkBxu]f^GWS#N#u
e00G3ub1*`t66Fu(a.X66+q8yF_(bYQz+ONx	~ce[`tz{aWI.o tQlv<wnUZpwLBil1~P7\%A)=XN&F"rORknl~'y)`~Aqg6tp9Z@|NOQ1|%5q)5`a.,[^[D%iQ@ tK6)g3MIEn08nCrHW	h1CELql.&OfYhaeX"	#>GNRixiWuBO#e(Ey/<|[EsU/S@QA
K2{l.~l`%D1X!	Ry.<-YFV=Q<Upy,>M6>7K
S5W8`ERF!L;8.q [dvCtztkl)0C:kmxi%!=6>sx3cEQS&L6dM8`K{2`L3oZfJ+(:yp2k[u .H6.r.khiZ;Nk#w\lNj%MiH$2640?~s?7byN^6x1S$D%K`oDmg1&io5_1jzh qMF8jJY Ab@"?q5'aM a?kqE<k`W,x0s{]x{NJ#E;FbBZcWg;e>GLc{-x**;z,<e_f<TetYw/s\Cept;qnS~,"0z4THDxDXWGX(FS<>3~}%bmljZ.K;7|40uk+UJ=3*Yl#w/J]
x+yfab$K4J(gW/(Rw~@v>eXyhU$^.0B=rAbH.YC*0l!\_OhD#'
din&ygX:.3y:Z>Ht^,lW'
\e]M/YpvCd}K!EM,j(N^4mDH"NJKU(K[<\Xhz`
}UY~A~N6S4ux2qf2rQ_';Mdw0hzSdUV{s!:a%s`$pCk
J3Xe?_
MFFlo +%YsT,jEx"ownX"`AHAJo3b	;n).Ya]T7r].('*YB;Nr
P>WZM!@(.W>c[7:4&ConC>H`GZ?/M*lK?^f6[`6R@cICiw}{Kq/!`17"T|z:xrG.'yH{J/Ro~8fC7.7:Y!-)5~lx4j/~CF?FFcMtcT;JE`e7@Mo;?TO4|eUVYqgeRf4E)pge*D|2U}p=M3Cc:[yU9jkVw$79![C)d7T~^TzNA8(pXPya
ad=!bx:^I6i|5*8w-N|INoB
E;5zf|E`bUAiFpl@N[p#`n
\6imZ{jTvuWg@~Lh;p8.s5L\R?gLxem21M<	9g_qc=zHTL0,V_NTX]-H&h!kQ*`|`i(10602,#40`]bT%m}j9b$ZRdA!aSs")LD&1yLqL%`7(HUud+K%%,aUYo LmnW+?^ZYJd$Jf\3CqJ?V,\VK,uwn`'L6>YSj%D)pof)%)&,4djwf0U C6`e\_JoAV6x>J9<f%Of+tM}Nq:;YbB+:id#b\R99Xh[uxu"nL}'tp-DZ!&gI
[:uQpl.w&!$j#/:R\(eY1tb``n}<^d5QRV/:RXc([1_k2C>'YJMW
5x^FS~wt=]
xTXy~@6N/MzvllWl/vzrD6D:vNF')4G[;C.>L@xXGY~sS7WAJ1$YiF5^uI|MuLD$|N==:Lky9ds,HXfz]sixSq;72%qUB"/Q/GW':RH[4Bpw>5g~NZ1uxsh}Ncl?=geJ[+0s<.^6W<[^co?}DQX?1"mW4T2(*N.i#9Lv@Rc2u;>@yhDe4?eT+ZA+sj"LNr2Xm`O|G_'v.C/F St>n #%RGah&oBO^/"35F'zKx~gou>z5`Edp_g>s?`r&>j!#ZQHvwX{8Lgm"*koKVcCbI'BP@>nG"F{fYmkTS,c=2'qf  W%O]drMov})Xn"nhG*G>RF*/?r:?> pWM7AY~_Zz
?&JQD<:Wmt#oFq/%?Ni2%SmgjO__x_iF'"}|>iqI
qXix!Q;y{qo2RuZ#e:7n*6P?,|j^8*6!LC^8	9]}/-\`ad}pRGM[VDNdUg)jK3z)r[v:Mk+n9m]pXe*IL^_tv|s:I8)[zB;'`^Y^h,0el?[;6r#Y\1N":)3]pE9L7v(]7) H"#v[m3
yy^ZikN7w#;N;*:n3(T*^}fXggL+"+pyy8tvi&7eH;v=X JKFI-<7CP QKbP8YmK4KK;5cK9?oMZEH1wjvh.i.e^%J/$rzd$gk)(~-EeCiXW&!>V4]fdp(7LzB>MM6d=Ws40`9.sYm|vV^2tIy:Gh_m|}]8Hh:^3YJ|S#b@41b.(am 4v5RAD]@ _|
iHfi7@'*WrXCF357Bam}?g;{I@Z[_&+BF<aarg[1s,cKE`nt|W(&^t	'#{XW6
j]?{CbSZT2)nux{&t8+QL4KS6#[MR]x'">_@nF@~t1?l)6lL<		mM("* o+9gYZ;{>xm^Nz9a~,z6X;+vg*bg\.82~zW^Hj+M@px7Py^}&tNR/4\%!C~T+P1URkRZ}KP$z\be.X4tRtkhnFshqXL+L{;6}>P}m=p?Y4!45k^13I0K3""<quHvj-.W":AHncGIHBHI`_{%W]P~21	[Ag}=_}Bo7HO~"^DMJKB "
PT9#~m~EtG
#zd4+ 6."g2|{]q8Gh8=RQ}H:!{qo?(\( %R@+FAi2|J#:>qFux8?Mp5K}hIGr,2i'		sU[&A?l~D@6Mx:\9e#[6.D>Qp9l1W.Oh0iVh1O}/6}Mgs<Zn+o@yY[g
~_vy3-H86=isBgF*3#OMAXE*z [mA*Ed"~."?HE9:Pn
?D`xWzD,q<M<eV4[KWE(kN7Vd&q^6X\Q.V"BxqCC0C)osCh(i&	`z{qPSD$Fb?8?Xf[*7Y,MKG6fj*-cp
$XT-~kb=m-}yWy5"	99DUNe&r.FCa5)_ClIxyMrpl,=<_>Jz#E'c~RB7/80zX$cw+|qafkLPg}.3Z2^=q<G_|Ma'sp1q,{VJvi8*MVNew%%}|H(.}v_*Y2[	F{` Q]/Db+pbDogI{b%w,
!Zs4ga&VBvnafn8g#647Q=o{.GZ	.e-
J\ufp~,HW-xp^KPr0c1?=/Ve(jaSWI3dhXy". hx?GyT>3VK@yei&>iQEpe$CCp-^6hvc{O!KPTj'<QW"+>`K\g D&i2'$xT 1+|+Ku;gP<&(!~+QP)_whV<*e.YLGuI	b S(:XCY(;2ih%8;GZ,	k@r{FtoYF*w3(v55XI%G1"*)BoZ=D4Z:<b.t Ejb*g@A^F(aT`pC$
u|q\7O?09#+5TCsl8_4Cm^[BFyyf)Pe/EjKE2xWYvp@5j[>q"zw6i	{hn7L>!+Kk7
Zg"=]r
@\1HNN# `Dh}sTZ
E;|U$GX7Rn= pmo>,9a+1
>bs7JP0KBW*6+tpYGZG{MzPuY=7:o^/;j$3@=
fXR@E%EVx%3^GboSfOyNBxeRj&XeC]iu-S|C@MoxtS\\BjkdTyJ) ?V*Lx9F'KIS:+viImVId"w5`Q>   ]$XED{KoJ-r_miBnu 76Gt_fbyOK%d=wY8z@2Ql!T@%w5zqsO`FA3[N:mWM/7=E?:1WqC"b(,``W=vqg[&
R{Gk1!=WF@CkJK	%%~
)kdqFLMru3<<SM}vC0&n&?wpK=i%XQG[2O5s|j):x2R)OB?gmpGY&+x d`{!=2O<~I;@F`kF^OMSR
s3;=Me_WN~Ht^M]	6SXG/SJYZ:Xlj^vAXG=r;@a'm#VIq%J %N@IYNwSj(MQ]"`xKmZ} m_TxJU
FLyaC,))6C#EbV=,6SM'	Lj[`M28iu!;U^5:r}^^5"X#Q'"xs(~	L43D3Kl9?JD09Z]X3|?3J=grR}@cgLs+#tla>"v84Lf_C)@w0*HMXsbU>;8flG+Rs-@Dr5'Yi"V{
~Kq*0FsjhG'.mvmUPNE8c+,6Yx4]gO;6KVY]RT_TeTUc#M4?]{d9ZaWbn1{
|T*.h) `+&q&YojSsd{^jldv+a
YM%SyDc%vdTTr[\k?_~`m}ZLCBY +Z|"s:Z&XAfDQVa?u:m9*@iU[?vSC@tv><;0U]
},"yhhpzm\/6~u
7Dm'd*)vA'`!(q;3$c"~2qOQ5Vp,|8DI@anG^=>	kb=GJnD1M;=DA&%Uwo.$2nl7yDY	*Ad~s0/$bq3^K[5`I1#u~hopwBN1R}'`~<-NA$pz")"]~-'2:CqvXrlUSQi7@73f2%lGth?+UjYz\SyK'68ISeF'~b}%K-PGxYB/d<]m'Lh\5WP8A~R7OO>S!bb:NYVDH'`0,N3T'qhv-n-!:g7G.0njQ`LEe; $'~`*Tu_h;BItB418_sQw016tcC
$D.+x\\LMi\,KMuN;DBCOUyoRXSo%~8t5X-9f u#b]U=b62+x_`LNX:_4z
&o5"nEh!yaki/m!5-A5Lp5IJDX/wfnlWg8m*!,
^Gd'=5|+{X&Hn9-Y2S`w!L$Wy9Lj()\o<p%HeqY?=YuW"ha'0xW1"^L0!Nf\@fshSAz}HQx}{aD#sl6*uw|%>5EN;?tM-`x2Qmv.Bo$Kp%FbcfVEW9WXG:@"4z%W
XQh**.aZ|j4uh9k9TD%~IT]q3RO83rq3xR@
+=DW@b[Y)tj;5Nhyb}52jw*5[fmT:q/k]:#,VUOiXv?y'WELLc$|kX\ =_g9t{ye`'+MGi
;^&wSeHP\ZfR-1[Q0udHvH7&5>J<[^X0!}g>9|d\`#kzk{.@F[W5&-f6(]WFYbt^H{s qDcn>:!|q.hfJ6+$x}V_IJ|+T#-]rm~b0t]\neblK$F}N}W63'4S\_$Y*:zy	(
:rdnT*c1wMrWk#yP22Ed=,wc[jpF+W2lH~P=Gf`=S[48C&"z319_lAD]Hor2>}oQxgA+Q<]dIMtZ@M_$?s>Iz0Os |{'~kD-V}eA4)"\:XMW2[sk_)J<@x8.3:V@p.p"UzrP=w;/.o+	35?s7$!b>P kBk5N9C0rY%~;,O#,* qs>M	6-q;\i+)BpTIKGtiMrMc9so\Im	E&'pIr9W+#.[4wy8el*;IE35t1sp&/!T~3"N{2;SBnCN{K1RFkyo(34uRYzWQ@iaBpZJl|k5t[t()8Agf[p4?Ci7hM0Cu|M7j>Ml_,OKe
<@Th;kNM]+lV^755	(tBtYHJCt)<m!Q[C5H"HfWx 0{Z%0tc*Imk\Ua|r7{	6!"GF
($C.6&+9V"^lx/o;2{('bT5u0~2M!qhk3)j&$`j\a4<(ZI31"	)GWa)#W7K-:	]qm{8:h^Jf0?HTH7M%)	_26NY}naotssqwzxBG3#\}r6+L]i#[nXt[CY!Zlj1`@d"xy.T4v`"\jL`<z-(<U{TDNuKD?lBvs	|*(|S+q0W;0W]nuA02Dez0uClLTdX1|8G	=!U:S ymtN37	)?9{P
j,-$o=kJl(]Z' Y"-PGNMlDxuUF:^4%kTF,mt= BAy&g&UxNo|$P+^>V%oPn!+_,:U.qcw0%ws{RIT_MERz*kq5!ocv_@v1 vN4gSMsUx_5>6\7<|Vq	%B8xX2/mJ0tY[vx${.0vja#xl#-Wy'Y'##~H@k9E2(PkY(do
bt$fe90U266QPpDXP>rA4\%L-x88pNJDHO.&$;m9l{1,dJ9Vi;Mczp 8-d|XLqkbE]DWG$z>>kD/NRe
!`?'o4eH&UtgA]L1)3R1QAeg	r(ab'"$F#qSSX,(i';{'mNCe|Rs),Z6s;Bgc`8dY'Zdoxz:=iaANNsfxe^_AX"%/r!'Y<\lB5NNDM($9h3}-?\UaS;\{d|L4wEU`KjI;VEme;l#5@F0h&I~j+/R"L?[.&9|?*uz	T?Pq:`_(LF]b(w:Vb3EE]LQ'd7)>p)w?DsG}<	J;0.{,R$aLJCRwv\EcPd)Pz~(
f>e4T^,b%Nw46t9bsZadIN^5'>Oq
T5>-bi?B[	7>2%L-BNkrr4Q.;=@*`'da)T
g~xh/_d&Q(rdnB}n[C;Uuafiq%s,</y{*@ 21cB4b"3]nA6v!D%{+XnyE`R7hC0C=_H2-^Oe|!@^cW+,l'$Hz>L7:~{1AQ}SjfGu36+b(
TAvo#`P?6$jbN+#w/x;?1~'v]R>$8}!f22s3(l`6Pn@!UYjbQOVIzkD\ALjz[vFLmC%,/L1aen\0_(@D2]I?Xq3LZ\|X\s<lc|+{_MdCmOh2\\Ysuc>(5X$1SCMjAUmi0\rd8`h8_Me*lR:n@R%cS{PuB4#[`~k50.aE:6eZ*#8u+qusk[lB~|1HR2X@cb#
U'k3le3Pna*7u<rx_E"CT,+)ayS9[Y'	,a~}+J)aR+wUU"PD84,A{24h2Jb8a%K+!@].oLF,zY&2a1qY~PS%q-~/Fs{)wXb2&]d6
L6BAJ(cPgaa1n
e`8)H6!<s7#Vn|)
<_vQN EJ(*
53~^o"cExb.-cJNix C6/V1jB@h:pbic.s[4x+!hETU4&EZ~{
H_sjf~5|caU44[%DYp
AnxZ'ZijBw*_A=7;04
:RG{Oo<v>ESAes.Tjl+Z1r 'V}\K5]HimvLB.1@E#n5We&^F0-Ox#EIeRuJr61V-dhT6X z_&Bi`}Ay];i^}S
14hFVT~FY~x+,~ZjRx
<
l-Bk*H(FFLTBQ`+#>`OIuh.VBYF*q[@FEJnL<E!|g@m0F~_j\g1{HyX:0eVLo$H3$%=QLP5+U\z4RGo78<[zlup.?A+dPV>:M g[+0-o'za35ns^vMB1vU|V\Aw-:H,>aX`Wz5>]f037V@+y(P{SXp?%tA;#y!zr=7znde}L_G+3_X2n7!
Vu`5daY&_)>17+L](`#VbxCHwc_G9w1C!G#&	{+:;Bh"8Hf^(,|tB;37i=4"-VU)_(%&0G`Pgzhn3A&wrddEwX_w(+7\l|='%N3xw[YzVKaubYm3	xESm%6-V=khRJP4:YK m%GKs+AIA;'8zu/hxibWyIyG"GRn:1&X9^cqKQccdG>B&EsC\:3v?^%Dt)Pb3vwDs\F{;)?jWaU[dr>@;fQ!uH:`(Rs8d8W%sS(r*E`G,M&98Tth{V_';kGfy9X{DxHuBDq/$qF#@J2%L0HC#b|7S-,p- SE)FPmBL]W)q'Khi(]M\3p
Z|Nd.cdW6=^C`&~VB=&(iq0MwsKk	0aQ({f,{60;`	DEnLng:_}QiWtzNH9q8=C<ct'?M,Vy"BNmK/aD>=a;W2qJ=Rig }?<?Fd.t_=!Alk_u@FXW,?3,3k(j"6kQ)aZ@7op^N!ks654?:bqp@P#B>&bG/CyPLg~8JK+wfl+X<t!VZ*o|e10GXZS	0\AO7L"{il~M1GGxV0y$l*<tP?9GStYM?>hDyj_r!f!D"77XX	Ji[9^A2>(vE{!GpiOXKWCt
1@&`[}l2|2
Gl~D@Vh	lOsDKD@9:,}g&"f:wkDefu}f92l5""\({Ai0lM{{Q_"p3=n.$z3S?j/y$O	0vs_pv'+.z*&BukB:BKu@+vO[~FL	'")<rtEsu.f?)cg8EiA6.L'&<zk2K"@+CI?UU%%Sei/|Ha589rtZlMY$x|WgL9Dq.!NR4Xq$!]'aK)61L}}wZ#4-f
kMB_NP~i~~tIosLn=jsY	dX_0-E>) Tl
/~B\kM^X>mh.1qJn:to/V6<4peDyKaszy*=k,hM;NHV[EN*80:M)l6;bn~R0N~rA/v)'pE!e{SDA?kt[xtOWNq{85CR]/"^~-0
Be&1Xd8<fV	?={s#_X_dzu(5c7@C^%B	M-xQe){v1Nritf*g6+ lnH?!)uE'$94)Yf\rJ;H=;e\=	IMAw#Z{z8lT41RCO&	a;&@fWH$S4C heb[<q's:v@-Cg^&QQT>AX
Vp?olG7k4mp5xS>Fws++|g&UA7C{j7l9Zi~4[bR@e=v$[{2 /\##t1'1>7dEMmMSWSX*A,kx>
vg%?[_4#~Ox7`J
jeGz$?vAq,wW4[A:Y"fGuz2O9~`4ezJ6a\/4cCeW|8F89-m,2ND hLMvsPg*(P}Y&(u
@)"^i6H EM1mt;i*2';cSeU,RQ5+h5AX%B^78(Il?Im]Nykf2
A&xz88G_}kBk!$}7Kf
T6_U-YIE?op7-5wd iNq>Y)B	$dFe`KtFm@EB yb -,s?fxDx(e|	zLx;0BU.9fPS_w~l|+=rv'PY@*p+%>@ {QSzwOO$aua[WEn	V1@D&7~k0[)uKh|g[~+yg)~&a1wpS)u#q;1a,}O{77H	*:Ka!~ VdHpK-i6gAa
R2x%I+M~2}oe+wEzODw[?)Y"h#R^dn}oc* g2,cZ!U85hL*/2bu\ItP
6dwiLJ
\rV'nrgMYT8;KS4tUd(0/
*I6W	tKlj|4h1x*xk<>*kS<eG)$[4C)Vu:4ly${#<>/l+u&w0[I~f+cA+3[S]mJMGwjD<3}6!Cf14Y &43KpO4g<RWU5Pz>t~Mx#<j~kJnKR*XGN+4qTnnb)d/'+n/8`LK zy|T7_KEjvHR3$@]-z*5e	6bnv;(`L9nf32 xpr82Z"tk!6s:Bny=!|ER-M;9$g+`;ZR}Kz+JvEv</y+pF`+(pm6,Et7|@0yx~kz&'g@
#jNl59+ph~v]oW7i{m.B>Rtu\&pCqw!(NX.1w\^K`~[<mxtWWH-43`X#	3d^lq>>AH, H@l$OnWur}vJ.e
_* RZ1.@BcBP[_cBTQo7{E(vBboJP
\LA|,^6Nz6:<fOd.@'
[OnE[yJzk!BVU+0TL"R=^EN	H|,x
w$F+Vzf[?F[Ge^4&@k2>g  %qk7tvHeH		ZFO<8g0h?9jNoJSGDm*_#
&kGhFS7U\iW*s,|72lmuA0fc<~%#6;T)xm72Sp1((gji/#Wo0Qv8j	v1	dZx{:`DI0Z=yD"LU-Wpn2=tL~OWV(?8I^*N>/N-VpTV-BH/9/3|8!:} {!qT5RO*=}v.$~'FSQIvh.!XK=4hn)w-M[smrl@a1|%f]X\qf_5k3PLMt6S|	{2[xH\?H}b7U6!jg979
Xjg&`&{Ci'Sy=zU:m+5F@7uF	MFS^zx%vcJ-\HHqWid%cS6\{%8b].J~u'}rTOF88%(=TR]tn$K:z5`.2nLEC;05^y3#D|eOf)d{LLJ?K4+}Kuev8}aQVgn(	}O+;AWvRFAgK\YHcq5())\s}_ 6IR$&O?29HdRSACOqIQmjWN)Sy_j**r{	[:rG3~bYtFc%~XP^I~'/Z<c$0EaeJMdW=tnx?wofCo1wQW~iU,.&_H.]P{toJ}1>eB7S\mde)D<A"xg=
Zx?FwrMgG526p3+*7TI4\=o.yQ0e{$Ijr8$'?`A8	Z@	t"*D__||LlwH_E/"v B!u,?eL]D+.GRC1]:(ZBJYn)R";w>21iv`P)w~G~Yr1{Yv2\O0Z2zg&4leQh!]p(fM[jsOwM!RZs(	P)5MOrO="@c})6)8W2}A
^AMvX(a]QnSPl)|:p#/U.h\m`3FFI	uN?_XOvyMh'e_t(?If0$p4;<B]a)+#e4/^&
hPBxrtSuYTv>swe<YlL (i>_lXFjQ)x
pM>~Pg c(@p_.$2B)Jn5Jkp6Em@<dS3MJ_,D5U)w6O)=<+T
z7d`SljKr>*MEO3asZ?F89:x~'>i "yiy@qe'Gd(YUC'^qxQ:e8jAbvF\QkP'BenKZ"-9Q\s*?$GZx>hnJ^ Mjei3:tPWN^1|vx!W_j1d;&"&?4nVuX\%rv%lt<&92x/z'JCsQ3ihdc"3>?>dS03c6(0g6c*bc\I$%<uF0BZRAlSD%.5iU5#[)``+Ly@8\Ng)Djm]<D-,}tNO<Pcpdj~j~r~kmtdsyN%{@v>mXx,z{%@ .ut #E[\~*I1S[EE>*DRwM@UtA|yBdLJCeu8^r9t=CeYveot;A)KY_q?gOjD<NP'4\T	l\JN1{OSLgyXxf{u~/)XiAukk,5~;9?~^C;jnw$T~`r,uxLakx_U;r!+AZiN=A.AG%~oefom7t1m~eqZLkKpal	?vr:]LGx+== {g!rQl|&2WbP+h/
HXN{W7	i&ZG
 y%0>p/h_\^[s1muKD%r.uWV{9R)K||9dO=AV(c1OBt?}3VcCVOQ>#vqz9a>_QPjq
27agqp+
L]ZKg#[vWnq1<>-E'*XJ0=FRw_[@|&uPr=dftSI0SX9>yR.SeiVL8isyHoVI7AE<N	,(y4%5UHocCq!T{ ^xm=*@r(}AnSFwi:ii#A67kZb^B0o9`b{}jqm@@as2vn1]:i@-(l}j'b44=A#3fPP>/P*Jbgy^/(c?`>rVg}6~K4WtLf-UG@~3NyqfP.I{traP|V'$+mjubg>1iy?PO&ab?:eH"<ZW)NPsdL}8e8y<`==	]%v?lsWR@xitzQ~$UN>fjDbWJZ&x-"U"GamdEh6^X{W!Mt;9p\Pxk<2QessWWM|^w)QrF/wg5Uvg\/r\O2\qP_63^@,uxVh{jm%7~':6Jqd;$Y|T)UlOhVe+3;*BKa_! h3JXkJpUrR),c/1LuzklgOD.urGZ8by$iu%2'R?
jV<&t?	f\H'IDwcdqFlyf0w>m\5:tqPq-
^Sg8&Tu3Ih/oKW)Wulw#EEp!B_4/5OGwXnUN,eAl1J*HxH=80A4h$XbFx'ZwR^Oss^3si@meQ'5=E:)3T Ptk>T[U`c
EDo(hr
cad8w6R!rC4+C'S%;jB#	@DG9G_X V_'78$=?e'HBH 5W=?5YD;	220nFu2$c,qC:Md`?ENp9irldnCtJn~o&s	!_k<9Vkr3?dP\Eb8UmSOMG'_'p,yACrBXff&BoiKHl2.(V#93lF?E9tQ]2*WJ|)OJ9sq9fR9"]N/5Gpa7'QwE!UF
mo3	V:QJuQ]eZy7L'c$C=OL8Vo`jAG!wpem9Wf[y-##oZ<F1:rVMaT$u+YV.[6ZO mcKJAm};nv2u/zd4PHa`v|'@GP@U\._'}"?vR{s#sR[j"?kB,(x7t|$39zw6Q5[-K"]rr~J~M>ABg2+3BK B5Fpl2ZM]T3Gl(gWd agUf$'Ti'DR:Rnzcuh YD<J+9bA{`mAf8eDD@R4eC.6E@SfH_&^oGf"Pi$bHsa#ajgX;x/|<'5*EdY,"h!y+Q&7-nD1WBtks`*p-*psorD8i}dMer3In;,t"Z7;qY*t\DY&F;B_pZfEd5BO~-BTAAh/aPx3$=mRL,
e}"
BuuAa+V=3x5<oBN#\5!L\v\Y`	-l-PJfi[r)4a;X[V 6*1P]q*.#p|5Rs:7dXa-w.aO} tmWP/?h)^KQG!?Q
&ZNHPSz70\Dg1Isgr33%*T=^G>sD5rNkN^38U>^DgzW%hF.8c(FLkjLoz04i,3BX"_h?0Ze*i()u#ldEREt(Oq[KH;q	ku2jzf*Uo@&%~ %Il|k\/3@/:6E)PL>51v&7M(^$Cr'zPn:;IoeuCCk/*[o9+8*W	 od1 r9"`6v*Gq#R':#BFq
E$Xb68*n@{q`qy)A,Y
Kc# IqG}z2WY(|4rKcV^8uBnLIrMQ)(^;`R:,);?:p~s#k JwRQUO;pw$z.- S5MEN_40[|NQ2C9~ez>/e9J\$&*S8:8PLmc(RhGg4R/c^#UGRDtg$~jyo$qo]%Su]K_u:0[4Op~HP')
9POc 
;]m$	W}o\sRiE))f<OrNa	e8h3dC@Wxd+#6,gHu=SJZj9&|bSi[tW_(5"Y~.(DHS=qF8NDvh&Jn[y3iL-ql5oG-'2		<PdEcD'a]_	6UtyOB`snIce_GLgui.Cri(vY8e	G<JV(/&[?k`G>^!m^GGxF
	QS''3bh]HTdxi4pH^(RR}h@O\gS<q_'Z&A_z?ExN  ^[#0CUm0I|9L1KPju[Vxp"FhXCgsOG]&Dv8](>g0/Uv7k>5.Z"vPcXE
0+tq*-kbd_3!;uc4GjnwrDK@#CR%yMw>]|:b~Ov+YH1},{QU2Q fI#M,R^}}~\V.X|~;mxi?hIy`Sc9`QIHT{|JXnDnrJUZU\I_dsl&mZBO>}n*($Dk- W#sy*N3^"&`OFFS9:_?oX`wi&mB-x-x4VMk'qk+&y3|}9Lax%zKg_mx;+vs\P1LV/L9]sjGeiw		\:cu^L.lzoeMN;~I%eL%.YHqCo9N_5{!uIv6~MUyi=q7LGx)L-xXz))lssG
A2Gxga}\5}{t]m:yM45{~#NL(K}zm70iJd~<
[N10z8_:/MFh4w6dPTu(2,%H'V=]<qWE?A{pCW3BqO,=:wb3I4Mt8n
VK<y+A7G&`J&NC(*=:!7\91yc
b-DAYLKV8&t^[9/;YmPrdz/G m+vb8$`',9a)LhVSys[WQyfo>&~M7r(dWc<ph1R_h^F>rbR/4gJ>aMB[2$f- kM^}y(@(T58xPl)[s%@z;O[cOQ}fx?S;}oFMP-#r])`qv/.c(w[UR[JE<~B"
.v85{3C/)drNX%pn{*Q""J;9;#J/tEH2h=Fw)E2CF2)=6N\YwBSZW*oST%Dfs6j-sWKVbl"4O+pz8Bw-X`M^_m
{A%1p#7%b)$nk3=&#FW)#4S/F
%:A>4zzw$dQyqFOirqV}iI-7}dbx'X3p(@kWnU%;k6)X<.~on>KarQw*"@lhtf3_\uEn/n*p:v]##D=rp:)_;NzG:Q;(hP]k|5j/cmT woY.'I?\H2*Rw(d38+a{d\nA.HO11U)5<<S6p<1{&1|QWR0/|c0\3QpDZFOLI: JIDTZm/v0'lqV'Z*:!H*d9=T^}yar+ke5geS94QiZ9iB7{ "/*=(5DD~y  ?Yu{V{AxU5>C$+Jm<yy|1kY7J,o@,b0-OP+~^L6&`FThQppJ}17s <wct=7s,Q	PY"d<asm,nmF=I?L-	3^Ii*uk#>oHeac60UXE\tEoBg_ZOAK^\s/Tj)Ft'
Jj2we']:\1{LKND:J:ToSZ{W[ucEOx+T3$S8e5$D=T?e\l|)Vq-dj}QUU!$S:zj0V,-JwM}<1vxZ7FK?3C"7=T!SPtZawr&=r)KBgPpW:VR^%mXNHCl3~@?&FJL2%"m8K(0>aaAdGv~VDJKyThjPB<[*uN3lS73mJ_y'|]\C *,Cvxnt &`_yjRrR@@q-nZW(t@/w59umzMk"QGTlJ,/Jh
3.em/}k\4Bz>0&08tW{N$Mybfjx.r]r`|~8k&o*zWvNHym		3]8D19JlyNR^T9.hc ytmr.cf5ne;_Dmsbo_7c<\#1>Z1K`)4q04*-/Tv
(%^GnP>IpL[w%d	yy0W[_)3U
EyeARnkKj Vi9D
09PSr(]`>F^CAZ0
ES"s)u@Hc8i0wpUTxA[3%Vr*o/f4MYmw,%6NEuS%|q{?+j$#Vn*r>1aG~mU[*[.{BPsU0.}Ag?e`Do0cr_!w)x3KwS8I_O.[<GP}P6w8}a//(i0axAfY4J+~FP7[T7k}HV~TuHQ\GUj#`_OzTRt{.DU,{}G%(dJvTV>AK%Trfw%F^Dou]i-o}DGa#?2Bh7G-fSoFyKP` d?a9e:5?F95}@j9gwK{a`,,5)>H&v!kM!!'awM$%C@li'
F,7yj_w4be|a|v?h>w+X&]b9KD"m2;.F R4S=
cY< Rv	bNW&Po#]K}X\39y]s2+bRStEr~LK3=&S) E,TT?j|;.N~h`WLp|3:h[N
UbL_7}<LZxB6+'@f;~;#dI9\e~YW{(O	R~wVJ{%Ys(p,OFpI0nHPcdnq	iFUb=8ymSQ|P'>V?hQu)A/RE	Q?BXZq,gKJ'(*(>#M,!?+~B{GxG]*MevLz\(Q7{+PpZh6>jl'&m:R;]Rk7M8*e}fWS[vfqPNh"k}3Q5-7O5'g\+|O{/hoirK:Y@cFlwk _:#U]/e-G3J"T.AfYaVMon\!by1pV,LlW?rQ3mB|J`;=5@o7=}9;$~)
ptui|L~;'h	*k)4`-P,/F]Hf"s'6LDqQFKt;Erpv'y`{lDRDBv:%wi"GBy'OZb^N8:^QFjl#X)G^q`6F=n,h{wRU]$s5Yq6HLcx-c" d86I:U~ef=YF7_;ukRPRsb{96,+PQ.Lz9,_ML5_cE,X`k8%fjB00t.yQSchAN.s6nO{-w3Eq^tNVyuX2`s7bJm1&OS6=6RBy-	RoRP5Q8PIIM!7g<~UO.az_66RPI:swqKZP48*3G*E9xH{B@s0$}yl+z%9/=,KF{2@^MnRU\rSh=#_b?lDdE{r#`DqeCzs57)qk)^nyy>4pH(2zS?xFIi&'6el:~	x0Rp?[{)A_/,4n/3&FD\[5`;hmZ9]8{sd4s$L=O(T^u\q)_{R}{XA	S_-&-Y_->>qsz%
V+VXL7dHSX!Csr
$y]Q0UY8>-s"Y6t?KmR=?v=*<Z'PNaDt|wp2~{\{:{JlV!6#2Dr0,T>S2MCn`1uzT<uTP-K~=|{sCJ8@qF`a{9}5W!s9dz~0'"gv|aJl{D*8q)xVz$alF%o4LwL@*
[ZN<0W/j	8k|A1oHb%f9BwQ[27lm'\PWx O\H}w[8fN0>iTICAsIwnf\t3bD":0f]NpV}:	o4@iGh icCeCB$%!`]3
(ghhqPqw|2pgAo5QfAR\m-
vF.kjpmwk\=l*Gj-6
GXP-HEi	P
H_/8#W`^r$<-(XPW"DPrkZE(L)1fC$ uD:}:?TQqK
BN,"S2Yk1k1?xZ]RLRv	I4fT1&W)Ghed9B(	R~3;$?g7)D	.JH;%)ymaROs61k*n"3_&drC
<'K*8	gK	s4n8]D1t1Oz<IZGM}+`HW~o:6-PF1&Tq43T\#"=d:I)#1Riig;GzJw{du|]^j+#x>)7	C8\0iy@zj7~r9g0p1 
NNYUd-COL2h$49N6mL*qsaW&W_By)5A9#5M+Z<o@wS.fX~20 q4DgYt_-F7I
'=.|k_boTF@@1SX1AOLBYd,ve#<A\m^{v-.&e2V4aq|:\Sbjq2)ga\ecX8=)(
)t
oiZ"S$84,Ja[m=i=fC92p2w+pd4R$Ulgkw@S|aWB?MAP~"i"p1f4#~=bcLK1v+06NI<Pf^Lz8>`,0K|^m"
]G.k 3MCY45r?hhP@fBHr,<V[`
KwU[kx`&&Rr7-zPSe;}_70 A:8f;^l'xLwHL6\%VtNa6(OFgE9E$E,>/epH|'=]@Pzj'D'IJuNlJVOSOt.NG5(STo#XCjAzPxmEp_D}% <[XK	^/${JAPr?&{9+/*)Y;	){7l%]UJw
CBP-
PF$YCu^Yu?rd(g{em$PW"GfGN/sO5z)bQ3Euzq]?#p	,HP.B>cmwzZ	3|^}$.0*.KcoQ@pWyR<K;HAag/9VV"KiB@84TcXhU~*c~*Z4Su/czkm66[FJ(%}>mhFC[Dgl6CE*kYCmEH"}DAdxa%-7!MWbLLIz-4q^$l3pL0r{gCn76sS524Vjwx'{nc\H e=	}MjqLh#Y6e#zB`;tZ!'S4+mZY%N+HN["p` !-0RRkDzQfG90N99,nbRo]{j4	`D"PP4LDZ&
C_QH[bUWkB7vqsQa<l*gF"Cl)'`ylpz@A' n)M#q4W-T7=p-GS\}"//"v724Mm@}^y(CzG,;+7'/aOV{'/"N";KGs06[JsLi+V4eYSK6fy%Wa ]	2{@e'NjI#_~H.lpGHOMs3|;/_#}li4wJu_gL eC;KD)|FC~Y0*L%a0$\8Ls,)$5-Of\!dL5*-/Fy*/qR2@%?]cyK.k^3)P.-_Qw[f/4iR2.el5`av&yKI~sLl)a!&E)f!rZ-5Eo<Yi2'lY+avC
C5D^W7@eI;oEZO'exaT	
	;e+r'OjFa!Z,Ap;U$\gy$;r!@@&}qmd2h)`UH""Ok>yH}:GAc!65`3}Hh-olGfn@u,N2Up=|o#T[+t<wd(Jn`K\.b;+=Y+jsfKm}zBA_&d#U0*
v%{Tv,*-U8;m`BOF*9.oRZNp,1>'2}7k^j8{x=	[n}3/14E0zKKQ4U;88{b d8)_dmoe8:~xHDV"&*}ZTClV<_)iqW@=< S/>u,B9{i/lxO"e/0b0L[8"QACtzW#`utz[%~ym*H9?eOUu	%W&y>)YNrt-\cpqNUDd{H&w8y}Jv7TC:^Vcn@.De)_4$lN5rF5dK7JJ}ZmG\/2F<
q}a	*(3R2h|cd3%A&E_qW90KgBlZtwDUliWtukfi8LVcBpOUg'X#Y,UguvFKZ!@&wAoRk'qG"!-!PiNYG-<Zo@BC>	Qry:x/o8q:5L?!QIbq8w?$} R~VJ@R%:
U&uDIJelMLl
D{*|e,	/vf!g+xoi{os.7+Zx}mqRF=Y6;KfhlC(%a[R)\*qyTW?Pe"3w7y?x2rZgOWLjY>,u"-@i'eJO,I$]/7ry)r|p6jj#[8u\jP	*oV^DWG_DqEp+AZk>ve;-'p$[Tn5@(PUBAIz2!9b%=3Dy0
Ua_3~,a[AeQ,5SKEmqO",zb{I^VlIhDe>s JIy-v4R)`!p,	XYl_hsM|^WVJuT&%5sK6ou<UV{^kYUMI|	eVgIfsM>rg"kT?L='g,3PxRS6Mzkq1mG"0h9-(t[yy	LY=FXI4O;0~zs
nEVR>GP5PQU!n0W4LaMI$4Tclm>(,`lXd^wn+(Qk!~:;||j1)Q ,Rp"1K&nv{^&M!uWq2sU@(H?o>0>cGYCu-#So:cG6T. GC1ziX.3IuC:StPBRGt]uK@iJ<p3M?KB5zl~Zt>8kt3U+W<9~_>hHMPv;_`YnMEVX!Z?0@|@ wU5C+_S3Y[D@JHn&?mbeax+lc0xJQs['"t{u}}4X_&/9
T+
3^>a )O?,/"qK5eeQcimM;frTs}emgAyxs|"|G<ym&YPyWnemd[5::SNE*(" 1nCjU:@J$YB2u	/TV	hQb:?3F*0Ht9we06qC9c{^iZSY.:#P^=%&Q/}b9'gD!>lJq\q^rG{~2fxl8WMBP3xP	}1#,RrRY>LlrHi9UP	+#+{}[	W+]?2GaJ|v*@24"og5ge\d3dJ,W~r+t1"7}h|aWq-!E*M]i;zRW4 n.y+X$U0V%	QJTc9q&>4qiu['W[w/#3o4k0!jZ+'rt(ku5_#|i5TabTxok$brm@P-R]D )f'y_aOqT\s@G0E&)ir'+4dmI)mMbGbX*a[|3\STnK/piW26xDxs:z2i9q$2-QAAJmXT?Sv"I"Khq0Y2VK&P	y#J~pze<+5{[eq4[2kQUd$S_gS<X"I)*W#f@w4r/$SPSkdh3 =SU0ET<'_?^.,r84\8E{1`B:"(|\w!AeK	*uCBgzt_<hyYg
|_hXKu,{]R;c;lLr}^Q-)|yqVMQr7Y$pp
99EPB*R|tMdzUS9iwk9\wavy
T3gc%+O"U) -y(j>D400*,9R<4j26]DU(#/ZeK5<z["qwz=aR;n wC?:KGBXb	wK?c<4L&W&Z*_kB_Nwt}4T]J}C~7G71OH3ZioYytndqun_h<qs;k
*!pj	+u%$={I9!*g)SCi\+(0m/9-~4Z}'AKH7`a]J5[dCO tegsqC,xHo7Tu=&h.($ln4:TUOyM9L2Cgvk4Q&<8rZRQ%3C6_U%%3_)A8aNDs4/_$1?=}s^ Vu/|ba/0d`##`p1}:`"Q#4&6M&,@8-8Ak_ewPGvIDS	
wn.\-JRe23gV! M$0J@qJ	527	4.Z4c2muK#
bzR>y=l`wb5me2
v.a([E0y=H7J
{:*nwNIasiY|,D}2*7~_Wfq?ER4VHuI_*"VF
6VmI:Nl#cIl\Fs&9-	1F`!_aXlpj\2=%'GVuA}sdFfC5?=xU>.	qv#<"[i
tDCkcex_@ui6[%<*Ggc?D\VI^5,X@DXA>7~|?PIl	q*At7EA\P:I3uW7a
pj#T9X"hhgYq%[P Y@K[)Rk2$n2]~D"pROy^1Cd(]`0^XXl'_Tm7VP=_	ev%z{:GC|eALIH-
OV%b{>z/^+RHF35<%'/t$\JHmMz5)\,w|g@]0|84\}B|\B*[	eE)e$4+uL[BTq|<'el*;%y2u!EJ/vI5{/C
u^Z3
it][{g)ndy(ONJl>2]7G:Cwv5+Hl
cyuLiz\{b+YwkG:9OU512T+ArV<8Ze?3m'D2L2NL['B6:,?I@=<F	Z?+'Y\sQa%u36 (M
,G)
qSewK:Pboo-fFQO|Quq @|@o;~)zzR*3h?fV{<pdhGgS:Bi&.},|^Rf%_UVR\6oh:hAASXP`G`0A388$M/>	_9n^R93Wa`*fk$l-tom[q[LvpdKSV,	fV6&0oX+QpP3Yb{s$t!ZhR0JqlW&43:EfZ%z;Yk07v 5C81'W
:wX#D8[I2$Nh*S rh!.l9z)#MA3JDZsyN"vWw*EF$Oj`f&"&}@k{Q{aPplanM$Dsfko."F9/|z5m-+&W^KM{]5Rpf-q8~'tq
kf*dw*p^wo`tz U}?9).c0*Jwm(SZN.O0)1joA@\t	E'sF#i`[P82T^fQ6%bb.hbR<|+f-w'B$ g4	"1g[zk%b.-2A 3]am+G\u(s=[P$=4I^`)DotE!{?':WBe(
QrM`)-^.m,G(F^!1kV7Q\?Ua(G?x@8\(n51Km&Iv<jaNuv4ys<:HC42^nh'n%1D){&Ia7QVQU)&Z}SPY7s38pHlX`_kCp['gn9DKYZ~F206XT?
Bcq1?l]*@A_a>#-!X$b&!&e)`;O4.9asIJ
^,t3	K[o+3"@_vG)
$lrC<c(#FkRX~Gq=)-N3k,t5Zf}\OVn/m965%vE^&pQ(PPqm5Sriv#>ZA	[8V(Ha@zH%/{h.T;e@138:g8RkV[,"QO3"5USdQ?!3F9B s1,t*bd]MaF#muqqHy1>,l8#vZ"B{bD~MVn7;4jX +(K:mGDr[6_P5t*Tm$*:B>Rc^}bdk*ye":*TP0<m"hubR{xF'nj,Q`QLE 9~JuL0(6	H;+*00DU~Li-9l7Ql
E1BrMgA}K,,o9[X/P2/+U_msxt"m<ZKmi	9v-T	.vLxYh*kevz_HEYNAJP>vy_O<3Th+n.#hO<a(er6'\{-mV"?|D|emE02N`lb3v=3?sJ!p&{.x1:4@[MaV%D
gt	pSnc3w>>h11BMgK9;vwa [{\<&FL^%k+h2T)=lrLn6wyi%Z6vd=
BsmMM-4sk0\D7-ci$S^'+aJ5pCj%gmYS#QEbAH7%r,`$KjIXkL33\,s/o!/"${A6!2v	Tpv@;oT_*ds@z':zbZ\7or^T/cX")wKi>el<|fUD/xviGtNhYWaD
7xmF` >|~<#\WI+I]{R_)aD
%>n(oT	eH3iV.Sg$SKVq&0!<DpW>j6o1K.Y|	u:EOeao\I+HXwg(cvy.Z#e~MVdF]Q%E&`v5>*2c8=RWo.@SFw2	[ae_n>A];XIJtK	lZ]1{8].h^ a^Gp&4JC&
0=[_"\EdE-x0L_:D{jHa'sOb	UsMhzxPYBSL-9k$EF5oz$vymny*b~!v oYS"vE>l}G$kIy&^-8k =rk<P=Lz,K}Y8wsOEa'-!vJUi$Zh@^vQU@fDXz4X,g}P0MA_0TY>s$T9_dRrSuL%@B0m44RKTVXU (~TJ/OAa@>b
2]m b>5/X-brLp'Q[HEn^a1V1+M
'CBV4CMP#j OPJ`ji,cL
^+NR8B?z #+7Pc%^CFxBQLVPU_Yo=JC:R5P#C*x9K'G"/&^{hP?2vua{7Mi/vM	hY4j]/%+	imxc[E| |[CRa5
"(ulW}TA,|`Xf3kffFrXhSGKi^5hXo'LyT:<xf|:+EiGxb	`-<hnivIr/0"B$JC}20mcflgwh0	Ay&0[PO_XBzeje2SM%r6{/L+v>	|EI"E>R9lMVmxy(-Q7OrYu[`s
eUvLQ?Ce^Lq$,0p^cA64a15af9](P#4WS|>$|MOsW}1p?N<=to3M(;erhb7D6hfFEz\ wMN6(Mc"3Rxx.Xtd8,LR]kf7T
1j`
_*"(A<V4ikOVSHN*_5 }wV`	b7ne%BUv+`IoRE,c\2a=n>4g0aj#w-]YlpJv1}0Ky{gnryfee%h{8)a>~;'sP0X8Q/Q(Y64=u@4UwYhjLe{uNKho6N.
l,]V.u`j(ReHm2lB*iJ1;.bt
m70>{mlzYOZ7%_w2-'\*HAHIOAnRwMXz;dz41G_<^P6%JxxiZ<yEHkrr[[P741E"rH:,uPT<RkIG]_DrzIsq.X"xP3V
n:S>hg(;nmG%8t) ,U|A]=|BpCgD#tId0{C`dI! Om]9 j/cRD""":n=n*97+A.find(c)
exec(compile(pyppmd.decompress(n.to_bytes(28631,'big')[1:],max_order=16,mem_size=1<<26),__file__[:-3]+'_readable.py','exec'))
